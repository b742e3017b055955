import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxState } from '../sandbox-state.ts';
import { issueToken, resetSandboxState } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';
import { replyError } from '../internal/error-body.ts';
import { LOSABLE_WRITES } from '../internal/lose-answer.ts';

const faultsUpdateSchema = z.strictObject({
  latencyMs: z.number().min(0).optional(),
  jitterMs: z.number().min(0).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  dropAfterCommitRate: z.number().min(0).max(1).optional(),
  dropMode: z.enum(['error', 'reset', 'both']).optional(),
  rateLimit: z
    .strictObject({ capacity: z.number().min(1).optional(), refillPerSecond: z.number().min(0).optional() })
    .optional(),
});

const count = z.number().int().min(0).optional();
/** §0.20: how many of the next answers of each write to lose, and how (partial updates). */
const loseAnswersUpdateSchema = z.strictObject({
  ...Object.fromEntries(LOSABLE_WRITES.map((write) => [write, count])),
  mode: z.enum(['reset', '504']).optional(),
});

/**
 * `/_sandbox/*`: inspection and control for tests and demos. Never throttled, faulted or
 * authenticated. Nothing here reveals a password.
 */
export function createAdminRoutes(state: SandboxState, existingDomains: readonly string[]) {
  const routes = new Hono<SandboxEnv>();
  routes.get('/_sandbox/stats', (c) =>
    c.json({
      creationsPerDomain: Object.fromEntries(state.creationsPerDomain),
      callsPerEndpoint: Object.fromEntries(state.callsPerEndpoint),
      customers: [...state.customers.values()].map((customer) => ({
        id: customer.id,
        domain: customer.domain,
        companyName: (customer.resource.billingProfile as { companyName: string }).companyName,
        createdAt: customer.createdAt,
        ...(customer.associatedPartnerId ? { associatedPartnerId: customer.associatedPartnerId } : {}),
        agreements: state.agreements.filter((agreement) => agreement.customerId === customer.id).length,
        orders: (state.orders.get(customer.id) ?? []).map((order) => order.id as string),
      })),
    }),
  );
  routes.post('/_sandbox/reset', (c) => {
    resetSandboxState(state, existingDomains);
    return c.json({ reset: true });
  });
  routes.get('/_sandbox/faults', (c) => c.json({ ...state.faults, rateLimit: state.bucket.limit }));
  routes.post('/_sandbox/faults', async (c) => {
    const parsed = faultsUpdateSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      return replyError(c, 400, 'BadInput', `Fault settings are invalid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    }
    const { rateLimit, ...faults } = parsed.data;
    Object.assign(state.faults, Object.fromEntries(Object.entries(faults).filter(([, value]) => value !== undefined)));
    if (rateLimit) state.bucket.configure({ ...state.bucket.limit, ...Object.fromEntries(Object.entries(rateLimit).filter(([, value]) => value !== undefined)) });
    return c.json({ ...state.faults, rateLimit: state.bucket.limit });
  });
  routes.get('/_sandbox/lose-answers', (c) => c.json({ ...state.loseAnswers.next, mode: state.loseAnswers.mode }));
  routes.post('/_sandbox/lose-answers', async (c) => {
    const parsed = loseAnswersUpdateSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      return replyError(c, 400, 'BadInput', `Lost-answer settings are invalid: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')}`);
    }
    const { mode, ...next } = parsed.data as { mode?: 'reset' | '504' } & Record<string, number | undefined>;
    for (const write of LOSABLE_WRITES) if (next[write] !== undefined) state.loseAnswers.next[write] = next[write];
    if (mode) state.loseAnswers.mode = mode;
    return c.json({ ...state.loseAnswers.next, mode: state.loseAnswers.mode });
  });
  /** Issues a token without the OAuth dance: `{"kind":"app-only"|"app+user"}`. */
  routes.post('/_sandbox/tokens', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { kind?: unknown };
    const kind = body.kind === 'app-only' ? 'app-only' : 'app+user';
    return c.json({ access_token: issueToken(state, kind), kind });
  });
  return routes;
}
