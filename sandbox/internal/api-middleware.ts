import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { SandboxState } from '../sandbox-state.ts';
import type { SandboxEnv } from './sandbox-env.ts';
import { endpointName } from './endpoint-name.ts';
import { replyError } from './error-body.ts';
import { sleep } from './sleep.ts';

/** Counts every call per endpoint (admin calls excluded) and echoes the tracing headers (docs/contracts/partner-center.md §2). */
export function countAndEcho(state: SandboxState): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const name = endpointName(c.req.method, c.req.path);
    state.callsPerEndpoint.set(name, (state.callsPerEndpoint.get(name) ?? 0) + 1);
    await next();
    c.header('MS-RequestId', c.req.header('MS-RequestId') ?? randomUUID());
    c.header('MS-CorrelationId', c.req.header('MS-CorrelationId') ?? randomUUID());
    c.header('MS-CV', `sandbox.${randomUUID().slice(0, 8)}`);
    c.header('MS-ServerId', 'pc-onboard-sandbox');
  };
}

/** The fixed + jittered latency of the fault knobs. */
export function addLatency(state: SandboxState): MiddlewareHandler<SandboxEnv> {
  return async (_c, next) => {
    const { latencyMs, jitterMs } = state.faults;
    const delay = latencyMs + (jitterMs > 0 ? state.random() * jitterMs : 0);
    if (delay > 0) await sleep(delay);
    await next();
  };
}

/** 401 with the §10 body unless the bearer token was issued by this sandbox (§0.12). */
export function requireToken(state: SandboxState): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const kind = match?.[1] ? state.tokens.get(match[1]) : undefined;
    if (!kind) {
      c.header('WWW-Authenticate', `OAuth realm=urn:cpsvc:cpid:${state.partnerTenantId}`);
      return replyError(c, 401, 400, 'Access denied: send a bearer token issued by the sandbox token endpoint (or the configured test token).');
    }
    c.set('tokenKind', kind);
    await next();
  };
}

/** The token bucket of §0.3: 429 with whole-second Retry-After and the throttling body of §10. */
export function throttle(state: SandboxState): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const waitMs = state.bucket.take();
    if (waitMs > 0) {
      const seconds = Number.isFinite(waitMs) ? Math.max(1, Math.ceil(waitMs / 1000)) : 60;
      c.header('Retry-After', String(seconds));
      return c.json({ statusCode: 429, message: `Rate limit is exceeded. Try again in ${seconds} seconds.` }, 429);
    }
    await next();
  };
}

/** Fails a share of calls with 503 before they touch any state. */
export function injectServerErrors(state: SandboxState): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    if (state.faults.errorRate > 0 && state.random() < state.faults.errorRate) {
      return replyError(c, 503, 'ServiceUnavailable', 'The sandbox injected a server error (fault injection: errorRate).');
    }
    await next();
  };
}
