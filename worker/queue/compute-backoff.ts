const SECOND = 1000;

export interface BackoffOptions {
  /** Delay of the first retry before jitter. @default 1000 */
  baseDelayMs?: number;
  /** @default 5 minutes */
  maxDelayMs?: number;
  /** Injected by tests. @default Math.random */
  random?: () => number;
}

/**
 * Exponential backoff with "equal jitter": half the exponential delay plus a random share of
 * the other half, so retries of many rows do not arrive in lockstep. A `retryAfterMs` on the
 * error (Partner Center's Retry-After) is a floor.
 */
export function createBackoff(options: BackoffOptions = {}): (attemptsMade: number, error?: Error) => number {
  const base = options.baseDelayMs ?? SECOND;
  const max = options.maxDelayMs ?? 300 * SECOND;
  const random = options.random ?? Math.random;
  return (attemptsMade, error) => {
    const exponential = Math.min(max, base * 2 ** Math.max(0, attemptsMade - 1));
    const delay = Math.round(exponential / 2 + random() * (exponential / 2));
    const retryAfter = (error as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
    return typeof retryAfter === 'number' ? Math.max(delay, retryAfter) : delay;
  };
}
