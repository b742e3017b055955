/**
 * What decides when the client may send: every request waits for `acquire` (the per-call timeout
 * starts after it, so a wait for the budget is not a timeout), and every 429 is reported to
 * `throttled`, so the budget can pause every sender for its Retry-After.
 */
export interface RequestPace {
  /** Resolves when one request may be sent; rejects when `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  throttled(retryAfterMs: number): Promise<void>;
}
