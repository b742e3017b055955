import { randomUUID } from 'node:crypto';
import type { RedisConnection } from '../redis/redis-connection.ts';
import type { RequestPace } from '../../shared/partner-center/request-pace.ts';
import { createScriptRunner } from '../redis/run-script.ts';

const MINUTE = 60_000;
/**
 * The window the pacer counts in is 2 % longer than the budget's: a request reaches Partner Center
 * a little after its grant, and that delay varies (network, a busy event loop), so two grants one
 * window apart may arrive a little closer than that. Costs 2 % of the rate of a long import.
 */
const WINDOW_MARGIN = 1.02;
/** Beyond 1 000 requests a second (tests, benches) nothing is counted: no Redis call per request. */
const UNPACED_ABOVE_PER_MINUTE = 60_000;

/** The most grants one script call hands out: enough for every caller a worker runs at once. */
const MAX_GRANTS_PER_CALL = 64;

/**
 * A sliding log of grants in a sorted set (score: the grant's time by the Redis clock): while no
 * 429 pause (KEYS[2]) runs, grants up to ARGV[4] requests at once, as many as leave fewer than
 * ARGV[2] grants in the last ARGV[1] ms. Returns {granted, waitMs}: waitMs, when nothing was
 * granted, is how long until the oldest grant leaves the window (or the pause ends). One script,
 * so the count and the grants are atomic across every worker.
 */
const GRANT_REQUESTS = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[1])
local pausedUntil = tonumber(redis.call('GET', KEYS[2]) or '0')
if pausedUntil > now then return {0, pausedUntil - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local free = tonumber(ARGV[2]) - redis.call('ZCARD', KEYS[1])
if free > 0 then
  local granted = math.min(free, tonumber(ARGV[4]))
  local entries = {}
  for i = 1, granted do
    entries[2 * i - 1] = now
    entries[2 * i] = ARGV[3] .. ':' .. i
  end
  redis.call('ZADD', KEYS[1], unpack(entries))
  redis.call('PEXPIRE', KEYS[1], window + 1000)
  return {granted, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + window - now + 1}
`;

/** Pauses every grant until now + ARGV[1] ms (a later pause already set wins). */
const PAUSE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local pauseMs = math.ceil(tonumber(ARGV[1]))
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if now + pauseMs > current then redis.call('SET', KEYS[1], tostring(now + pauseMs), 'PX', pauseMs + 1000) end
return 0
`;

export interface RequestPacerOptions {
  redis: RedisConnection;
  keyPrefix: string;
  /** Requests per window for all workers together (`PC_ONBOARD_RATE_LIMIT_PER_MINUTE`). */
  budget: number;
  /** The budget's window: a minute, other lengths only to scale benches and tests down. @default 60 000 */
  windowMs?: number;
}

/**
 * The Partner Center budget of every worker on one Redis: never more than `budget` requests in
 * any window, and no other waiting, so a short import runs as fast as Partner Center
 * answers and a long one sustains the budget. A rolling window never overdraws Partner Center's
 * token bucket (capacity B, refilled at B per minute): B in any minute is exactly what a bucket
 * that starts full can serve. A 429 (`throttled`) holds every grant back for its Retry-After.
 */
export function createRequestPacer(options: RequestPacerOptions): RequestPace {
  const runScript = createScriptRunner(options.redis);
  const grantsKey = `${options.keyPrefix}:pace`;
  const pauseKey = `${options.keyPrefix}:pace-paused`;
  const budgetWindowMs = options.windowMs ?? MINUTE;
  const windowMs = Math.ceil(budgetWindowMs * WINDOW_MARGIN);
  const unpaced = (options.budget * MINUTE) / budgetWindowMs > UNPACED_ABOVE_PER_MINUTE;
  const owner = randomUUID();
  let calls = 0;
  // The callers of this process line up here and one script call serves as many of them as the
  // window has room for: one Redis round trip per batch rather than per request, so the pacer
  // never becomes the bottleneck below the budget, and a full window costs one call per freed batch.
  const line: Waiter[] = [];
  let serving = false;

  async function serve(): Promise<void> {
    if (serving) return;
    serving = true;
    try {
      while (line.length > 0) {
        const wanted = Math.min(line.length, MAX_GRANTS_PER_CALL);
        let granted: number;
        let waitMs: number;
        try {
          [granted, waitMs] = (await runScript(GRANT_REQUESTS, [grantsKey, pauseKey], [windowMs, options.budget, `${owner}:${calls++}`, wanted])) as [number, number];
        } catch (error) {
          leave(line[0]!)?.reject(error);
          continue;
        }
        // Granted: to the first callers still waiting (one that gave up meanwhile passes its grant on;
        // a grant nobody takes stays counted, which only errs on the safe side).
        for (let grant = 0; grant < granted && line.length > 0; grant++) {
          const taker = line.shift()!;
          taker.signal?.removeEventListener('abort', taker.onAbort);
          taker.resolve();
        }
        if (granted === 0) await sleep(Math.ceil(waitMs));
      }
    } finally {
      serving = false;
    }
  }

  function leave(waiter: Waiter): Waiter | undefined {
    const index = line.indexOf(waiter);
    if (index < 0) return undefined;
    line.splice(index, 1);
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    return waiter;
  }

  return {
    acquire(signal) {
      if (unpaced) return Promise.resolve();
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, ...(signal ? { signal } : {}), onAbort: () => leave(waiter) && reject(signal!.reason) };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        line.push(waiter);
        void serve();
      });
    },
    async throttled(retryAfterMs) {
      if (retryAfterMs > 0) await runScript(PAUSE, [pauseKey], [retryAfterMs]);
    },
  };
}

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  signal?: AbortSignal;
  onAbort(): void;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
