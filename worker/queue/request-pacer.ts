import { randomUUID } from 'node:crypto';
import type { RedisConnection } from '../redis/redis-connection.ts';
import type { PaceGrant, RequestPace } from '../../shared/partner-center/request-pace.ts';
import { createScriptRunner } from '../redis/run-script.ts';

const MINUTE = 60_000;
/**
 * Partner Center counts a request when it arrives, which is some time after its grant: the network,
 * a token refresh or a busy event loop hold it. A place therefore counts from the request's answer
 * (it has arrived by then), or from its grant plus this share of the window if the answer takes
 * longer: a request is taken to arrive within 2 % of the window (1.2 s of a minute). Two places one
 * window apart thus arrive at least a window apart, as a token bucket of B per window needs.
 */
const ARRIVAL_BOUND = 0.02;
/** Clocks read in whole milliseconds (Redis here, the service there) may each be a millisecond short. */
const CLOCK_MARGIN_MS = 2;
/** Beyond 1 000 requests a second (tests, benches) nothing is counted: no Redis call per request. */
const UNPACED_ABOVE_PER_MINUTE = 60_000;

/** The most grants one script call hands out: enough for every caller a worker runs at once. */
const MAX_GRANTS_PER_CALL = 64;

/**
 * A sliding log of places in a sorted set, scored by the Redis clock with the time from which each
 * counts: its grant plus ARGV[5] ms (the latest it arrives), moved earlier by SETTLE_REQUESTS to
 * its answer if that comes first. While no 429 pause (KEYS[2]) runs, grants up to ARGV[4] requests
 * at once, as many as leave fewer than ARGV[2] places in the last ARGV[1] ms. Returns {granted,
 * waitMs}: waitMs, when nothing was granted, is how long until the oldest place leaves the window
 * (or the pause ends). One script, so the count and the grants are atomic across every worker.
 */
const GRANT_REQUESTS = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[1])
local arrivalBound = tonumber(ARGV[5])
local pausedUntil = tonumber(redis.call('GET', KEYS[2]) or '0')
if pausedUntil > now then return {0, pausedUntil - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local free = tonumber(ARGV[2]) - redis.call('ZCARD', KEYS[1])
if free > 0 then
  local granted = math.min(free, tonumber(ARGV[4]))
  local entries = {}
  for i = 1, granted do
    entries[2 * i - 1] = now + arrivalBound
    entries[2 * i] = ARGV[3] .. ':' .. i
  end
  redis.call('ZADD', KEYS[1], unpack(entries))
  redis.call('PEXPIRE', KEYS[1], arrivalBound + window + 1000)
  return {granted, 0}
end
local oldest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
return {0, oldest + window - now + 1}
`;

/**
 * Moves the places ARGV to now, where that is earlier than they count from: their requests were
 * answered, so Partner Center has counted them. A place already gone from the log stays gone.
 */
const SETTLE_REQUESTS = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local entries = {}
for i = 1, #ARGV do
  entries[2 * i - 1] = now
  entries[2 * i] = ARGV[i]
end
redis.call('ZADD', KEYS[1], 'XX', 'LT', unpack(entries))
return 0
`;

/** The most settled grants one script call moves (Lua's unpack has a limit of its own). */
const MAX_SETTLES_PER_CALL = 500;

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
 * that starts full can serve, provided the requests are a window apart where Partner Center counts
 * them, on arrival (ARRIVAL_BOUND). A 429 (`throttled`) holds every grant
 * back for its Retry-After.
 */
export function createRequestPacer(options: RequestPacerOptions): RequestPace {
  const runScript = createScriptRunner(options.redis);
  const grantsKey = `${options.keyPrefix}:pace`;
  const pauseKey = `${options.keyPrefix}:pace-paused`;
  const budgetWindowMs = options.windowMs ?? MINUTE;
  const windowMs = budgetWindowMs + CLOCK_MARGIN_MS;
  const arrivalBoundMs = Math.ceil(budgetWindowMs * ARRIVAL_BOUND);
  const unpaced = (options.budget * MINUTE) / budgetWindowMs > UNPACED_ABOVE_PER_MINUTE;
  const owner = randomUUID();
  let calls = 0;
  // The callers of this process line up here and one script call serves as many of them as the
  // window has room for: one Redis round trip per batch rather than per request, so the pacer
  // never becomes the bottleneck below the budget, and a full window costs one call per freed batch.
  const line: Waiter[] = [];
  let serving = false;
  // Settled grants wait here for one script call per turn of the event loop.
  const settledGrants: string[] = [];
  let settling = false;

  async function serve(): Promise<void> {
    if (serving) return;
    serving = true;
    try {
      while (line.length > 0) {
        const wanted = Math.min(line.length, MAX_GRANTS_PER_CALL);
        const batch = `${owner}:${calls++}`;
        let granted: number;
        let waitMs: number;
        try {
          [granted, waitMs] = (await runScript(GRANT_REQUESTS, [grantsKey, pauseKey], [windowMs, options.budget, batch, wanted, arrivalBoundMs])) as [number, number];
        } catch (error) {
          leave(line[0]!)?.reject(error);
          continue;
        }
        // Granted: to the first callers still waiting (one that gave up meanwhile passes its grant on);
        // a grant nobody takes is settled at once, counted from now like a request that never went.
        for (let grant = 1; grant <= granted; grant++) {
          const place = settleOnce(`${batch}:${grant}`);
          const taker = line.shift();
          if (!taker) {
            place.settled();
            continue;
          }
          taker.signal?.removeEventListener('abort', taker.onAbort);
          taker.resolve(place);
        }
        if (granted === 0) await sleep(Math.ceil(waitMs));
      }
    } finally {
      serving = false;
    }
  }

  function settleOnce(member: string): PaceGrant {
    let done = false;
    return {
      settled() {
        if (done) return;
        done = true;
        settledGrants.push(member);
        if (!settling) setImmediate(() => void settle());
        settling = true;
      },
    };
  }

  async function settle(): Promise<void> {
    while (settledGrants.length > 0) {
      const members = settledGrants.splice(0, MAX_SETTLES_PER_CALL);
      // Redis unreachable: these places keep counting from their grants, as a crashed worker's do.
      await runScript(SETTLE_REQUESTS, [grantsKey], members).catch(() => undefined);
    }
    settling = false;
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
      if (unpaced) return Promise.resolve(UNCOUNTED);
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<PaceGrant>((resolve, reject) => {
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

const UNCOUNTED: PaceGrant = { settled() {} };

interface Waiter {
  resolve(grant: PaceGrant): void;
  reject(reason: unknown): void;
  signal?: AbortSignal;
  onAbort(): void;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
