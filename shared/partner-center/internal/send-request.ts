import type { z } from 'zod';
import type { CallContext } from '../partner-center-client.ts';
import { PartnerCenterError, isPartnerCenterError } from '../partner-center-error.ts';
import { PartnerCenterTimeoutError } from '../partner-center-timeout-error.ts';
import type { RequestPace } from '../request-pace.ts';
import { ResponseValidationError } from '../response-validation-error.ts';
import { isThrottledError } from '../throttled-error.ts';
import { errorFromResponse, type CallKind } from './error-from-response.ts';

/** What every call shares: where to send, how to authenticate, how long to wait. */
export interface RequestCore {
  baseUrl: string;
  getAccessToken: (signal?: AbortSignal) => Promise<string>;
  timeoutMs: number;
  fetch: typeof fetch;
  locale: string;
  /** The shared request budget; absent means send at once. */
  pace?: RequestPace;
}

export interface RequestSpec {
  method: 'GET' | 'HEAD' | 'POST' | 'PATCH';
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  kind: CallKind;
  /** Statuses besides 2xx that are answers, not failures (404 for "not found" lookups). */
  alsoAccept?: number[];
  /** Extra request headers of this call (`MS-ContinuationToken` when paging). */
  headers?: Record<string, string>;
}

export interface RawAnswer {
  status: number;
  body: unknown;
  method: string;
  url: string;
}

/**
 * Sends one request with the headers of docs/contracts/partner-center.md §2 and a timeout, and turns
 * failures into typed errors. Never retries: the caller (the worker's queue) owns retries, with
 * the same MS-RequestId after a timeout or 5xx (§0.1).
 */
export async function sendRequest(core: RequestCore, spec: RequestSpec, context: CallContext = {}): Promise<RawAnswer> {
  const url = new URL(`${core.baseUrl}${spec.path}`);
  for (const [key, value] of Object.entries(spec.query ?? {})) if (value !== undefined) url.searchParams.set(key, value);
  const where = url.toString();
  // The wait for the budget comes before the timeout starts: it can last up to the budget's window.
  const grant = await core.pace?.acquire(context.signal);
  try {
    return await sendGranted(core, spec, context, where);
  } finally {
    grant?.settled();
  }
}

async function sendGranted(core: RequestCore, spec: RequestSpec, context: CallContext, where: string): Promise<RawAnswer> {
  const timeoutSignal = AbortSignal.timeout(core.timeoutMs);
  const signal = context.signal ? AbortSignal.any([context.signal, timeoutSignal]) : timeoutSignal;
  const failedBeforeAnswer = (error: unknown): Error => {
    if (context.signal?.aborted) return toError(context.signal.reason ?? error);
    if (timeoutSignal.aborted) return new PartnerCenterTimeoutError({ method: spec.method, url: where, timeoutMs: core.timeoutMs, cause: error });
    if (isPartnerCenterError(error)) return error;
    return new PartnerCenterError({
      errorCode: 'upstream_error',
      retryable: true,
      method: spec.method,
      url: where,
      cause: error,
      message: `${spec.method} ${where} got no answer: ${describe(error)}`,
    });
  };
  const token = await getToken(core, signal, spec.method, where).catch((error: unknown) => {
    throw context.signal?.aborted || timeoutSignal.aborted ? failedBeforeAnswer(error) : error;
  });
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
    'MS-Contract-Version': 'v1',
    'MS-RequestId': context.requestId ?? crypto.randomUUID(),
    'MS-CorrelationId': context.correlationId ?? crypto.randomUUID(),
    'X-Locale': context.locale ?? core.locale,
    'MS-PartnerCenter-Application': 'pc-onboard',
    ...spec.headers,
  };
  if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
  let status: number;
  let text: string;
  let retryAfter: string | null;
  try {
    const init: RequestInit = { method: spec.method, headers, signal };
    if (spec.body !== undefined) init.body = JSON.stringify(spec.body);
    const response = await core.fetch(where, init);
    status = response.status;
    retryAfter = response.headers.get('Retry-After');
    text = spec.method === 'HEAD' ? '' : await response.text();
  } catch (error) {
    throw failedBeforeAnswer(error);
  }
  const body = parseJson(text);
  const ok = (status >= 200 && status < 300) || (spec.alsoAccept ?? []).includes(status);
  if (!ok) {
    const error = errorFromResponse({ method: spec.method, url: where, status, body: body.value ?? text, retryAfter, kind: spec.kind });
    // A 429 pauses every sender of the budget; if that fails the queue's own pause still holds.
    if (isThrottledError(error)) await core.pace?.throttled(error.retryAfterMs).catch(() => undefined);
    throw error;
  }
  if (!body.ok) {
    throw new ResponseValidationError({ method: spec.method, url: where, status, issues: [`body is not JSON: ${text.slice(0, 80)}`] });
  }
  return { status, body: body.value, method: spec.method, url: where };
}

/** Validates an answer against the contract's schema; a mismatch is a ResponseValidationError. */
export function readAnswer<T>(answer: RawAnswer, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(answer.body);
  if (parsed.success) return parsed.data;
  throw new ResponseValidationError({
    method: answer.method,
    url: answer.url,
    status: answer.status,
    issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`),
  });
}

async function getToken(core: RequestCore, signal: AbortSignal, method: string, url: string): Promise<string> {
  try {
    return await core.getAccessToken(signal);
  } catch (error) {
    if (isPartnerCenterError(error) || signal.aborted) throw error;
    throw new PartnerCenterError({
      errorCode: 'unauthorized',
      retryable: false,
      method,
      url,
      cause: error,
      message: `Could not get an access token for ${method} ${url}: ${describe(error)}. Check the app id, secret, tenant and refresh token.`,
    });
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; value?: undefined } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
