/**
 * What decides when the client may send: every request waits for `acquire` (the per-call timeout
 * starts after it, so a wait for the budget is not a timeout), hands its grant back with `settled`
 * once it is over, and reports every 429 to `throttled`, so the budget can pause every sender for
 * its Retry-After.
 */
export interface RequestPace {
  /** Resolves when one request may be sent; rejects when `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<PaceGrant>;
  throttled(retryAfterMs: number): Promise<void>;
}

/** One request's place in the budget. */
export interface PaceGrant {
  /**
   * The request is over: answered, failed or given up. Partner Center has seen it by now if it
   * ever will, so the budget may count its place from here rather than from the grant.
   */
  settled(): void;
}
