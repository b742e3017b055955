import { PartnerCenterError } from './partner-center-error.ts';

/**
 * The wait after a 429 that names none (no `Retry-After`, no "Try again in N seconds"): the
 * window of Partner Center's per-minute limit (docs/contracts/partner-center.md §10).
 */
export const DEFAULT_RETRY_AFTER_MS = 60_000;

/**
 * Partner Center answered 429. The client does not retry by itself: the worker's queue owns
 * retries and backoff, and waits at least `retryAfterMs` before trying again.
 */
export class ThrottledError extends PartnerCenterError {
  override name = 'ThrottledError';
  /** From `Retry-After` (seconds or an HTTP date), else the body's "Try again in N seconds". */
  readonly retryAfterMs: number;

  constructor(options: { method: string; url: string; retryAfterMs: number; pcMessage?: string }) {
    super({
      errorCode: 'rate_limited',
      retryable: true,
      status: 429,
      method: options.method,
      url: options.url,
      ...(options.pcMessage === undefined ? {} : { pcMessage: options.pcMessage }),
      message: `${options.method} ${options.url} was throttled (429); retry after ${Math.ceil(options.retryAfterMs / 1000)} s.`,
    });
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isThrottledError(error: unknown): error is ThrottledError {
  return error instanceof ThrottledError;
}
