import type { Redis } from 'ioredis';
import { createScriptRunner } from '../redis/run-script.ts';

const MINUTE = 60_000;
/**
 * Requests are spaced 10 % wider than the budget: timers and the network shift each request by a
 * few milliseconds, and that must not squeeze one request more than the budget into a window.
 */
const SPACING_MARGIN = 1.1;

/**
 * Grants one request when the previous grant (by any process) is at least ARGV[1] ms ago, by the
 * Redis clock; otherwise returns how many ms to wait before asking again. KEYS[1]: the pace key.
 */
const GRANT_REQUEST = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local interval = tonumber(ARGV[1])
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if nextAt > now then return tostring(nextAt - now) end
redis.call('SET', KEYS[1], tostring(now + interval), 'PX', math.ceil(interval) + 1000)
return '0'
`;

/** Spaces Partner Center requests evenly across every worker of one Redis. */
export interface RequestPacer {
  /** Resolves when this process may send one request (rejects when `signal` aborts first). */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface RequestPacerOptions {
  redis: Redis;
  keyPrefix: string;
  /** The budget of all workers together (`PC_ONBOARD_RATE_LIMIT_PER_MINUTE`). */
  requestsPerMinute: number;
}

/**
 * A pace, not a per-minute window: with 600 requests per minute, one request every 110 ms for
 * all workers together, so no second ever sees a burst (test/chaos/rate-limit-pace.test.ts). The
 * grant is checked right before each request rather than booked ahead, so a slow caller cannot
 * bunch up with the next one.
 */
export function createRequestPacer(options: RequestPacerOptions): RequestPacer {
  const runScript = createScriptRunner(options.redis);
  const key = `${options.keyPrefix}:pace`;
  const intervalMs = (MINUTE / options.requestsPerMinute) * SPACING_MARGIN;
  return {
    async acquire(signal) {
      // Over ~55 000 a minute (tests, benches) there is nothing to space at millisecond scale.
      if (intervalMs < 1) return;
      for (;;) {
        signal?.throwIfAborted();
        const waitMs = Number(await runScript(GRANT_REQUEST, [key], [intervalMs]));
        if (waitMs <= 0) return;
        await sleep(Math.max(1, Math.ceil(waitMs)), signal);
      }
    },
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', aborted, { once: true });
  });
}
