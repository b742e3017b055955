import type { SandboxRateLimit } from '../sandbox-options.ts';

export interface TokenBucket {
  /** Takes one token; returns 0 when granted, else the milliseconds until one is available. */
  take(now?: number): number;
  configure(limit: SandboxRateLimit): void;
  readonly limit: SandboxRateLimit;
}

/** The throttle of docs/contracts/partner-center.md §0.3: one bucket for all API calls, refilled continuously. */
export function createTokenBucket(initial: SandboxRateLimit): TokenBucket {
  let limit = { ...initial };
  let tokens = limit.capacity;
  let updatedAt = Date.now();
  const refill = (now: number) => {
    tokens = Math.min(limit.capacity, tokens + ((now - updatedAt) / 1000) * limit.refillPerSecond);
    updatedAt = now;
  };
  return {
    take(now = Date.now()) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      if (limit.refillPerSecond <= 0) return Number.POSITIVE_INFINITY;
      return ((1 - tokens) / limit.refillPerSecond) * 1000;
    },
    configure(next) {
      refill(Date.now());
      limit = { ...next };
      tokens = Math.min(tokens, limit.capacity);
    },
    get limit() {
      return { ...limit };
    },
  };
}
