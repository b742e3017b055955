import { describe, expect, it } from 'vitest';
import { withRedis } from '../../test/support/redis/with-redis.ts';
import { createRequestPacer } from './request-pacer.ts';
import { busiestWindow } from '../../test/support/worker/busiest-window.ts';
import type { RedisConnection } from '../redis/redis-connection.ts';

/** The Redis clock in milliseconds, the clock the pacer's places are scored by. */
async function redisNow(redis: RedisConnection): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/** A ZRANGE … WITHSCORES answer as [member, score] pairs. */
function chunk(flat: string[]): [string, number][] {
  return Array.from({ length: flat.length / 2 }, (_, index) => [flat[2 * index]!, Number(flat[2 * index + 1])]);
}

describe('createRequestPacer', () => {
  it('should grant a whole window at once, then never more than the budget in any window, across two workers', async () => {
    await withRedis(async (redis, prefix) => {
      // Two processes' pacers on one key, budget 20 per second; 8 callers ask for 7 grants each.
      const pacers = [createRequestPacer({ redis, keyPrefix: prefix, budget: 20, windowMs: 1000 }), createRequestPacer({ redis, keyPrefix: prefix, budget: 20, windowMs: 1000 })];
      const granted: number[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 8 }, async (_, caller) => {
          for (let request = 0; request < 7; request++) {
            const grant = await pacers[caller % 2]!.acquire();
            granted.push(performance.now());
            grant.settled();
          }
        }),
      );
      expect(granted).toHaveLength(56);
      // No spacing: the first 20 go out at once; then each window holds 20, counted from each
      // request's settling, so 56 take two windows and a little more.
      const sorted = granted.sort((a, b) => a - b);
      // (An even pace of 20 a second would need 950 ms for the first 20; 800 leaves room for a loaded machine.)
      expect(sorted[19]! - started).toBeLessThan(800);
      expect(sorted[20]! - started).toBeGreaterThanOrEqual(1000);
      const elapsed = sorted.at(-1)! - started;
      expect(elapsed).toBeGreaterThanOrEqual(2000);
      expect(elapsed).toBeLessThan(4500);
      expect(busiestWindow(sorted, 1000)).toBeLessThanOrEqual(20);
    });
  }, 20_000);

  it('should count a place from its answer when that comes first, else from its grant + the arrival bound', async () => {
    await withRedis(async (redis, prefix) => {
      // A 10 s window: a place counts from its grant + 200 ms at the latest.
      const pacer = createRequestPacer({ redis, keyPrefix: prefix, budget: 5, windowMs: 10_000 });
      const places = async () => new Map<string, number>(chunk(await redis.zrange(`${prefix}:pace`, '0', '-1', 'WITHSCORES')));
      const slow = await pacer.acquire();
      const [[slowMember, slowBound]] = [...(await places())] as [[string, number]];
      expect(slowBound).toBeGreaterThan(await redisNow(redis));
      // The slow request's bound passes before its answer comes.
      await expect.poll(() => redisNow(redis), { timeout: 5_000 }).toBeGreaterThan(slowBound);
      const fast = await pacer.acquire();
      const [[fastMember, fastBound]] = [...(await places())].filter(([member]) => member !== slowMember) as [[string, number]];
      slow.settled();
      fast.settled();
      fast.settled();
      // Both settle in one script call: the fast one now counts from its answer, the slow one from its bound.
      await expect.poll(async () => (await places()).get(fastMember)!, { timeout: 5_000 }).toBeLessThan(fastBound);
      expect((await places()).get(fastMember)).toBeLessThanOrEqual(await redisNow(redis));
      expect((await places()).get(slowMember)).toBe(slowBound);
      expect((await places()).size).toBe(2);
    });
  });

  it('should serve the callers waiting together with one Redis call, not one call each', async () => {
    await withRedis(async (redis, prefix) => {
      let scriptCalls = 0;
      const counted = new Proxy(redis, {
        get(target, key) {
          const value = Reflect.get(target, key, target);
          if (key === 'evalsha' || key === 'eval') {
            return (...args: unknown[]) => {
              scriptCalls++;
              return (value as (...args: unknown[]) => unknown).apply(target, args);
            };
          }
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const pacer = createRequestPacer({ redis: counted, keyPrefix: prefix, budget: 100, windowMs: 1000 });
      await Promise.all(Array.from({ length: 40 }, () => pacer.acquire()));
      // The first caller's call (plus the script's first load), then one for the 39 that lined up meanwhile.
      expect(scriptCalls).toBeLessThanOrEqual(3);
      expect(await redis.zcard(`${prefix}:pace`)).toBe(40);
    });
  });

  it('should hold every grant back for the Retry-After of a 429', async () => {
    await withRedis(async (redis, prefix) => {
      const [first, second] = [createRequestPacer({ redis, keyPrefix: prefix, budget: 100, windowMs: 1000 }), createRequestPacer({ redis, keyPrefix: prefix, budget: 100, windowMs: 1000 })];
      await first!.acquire();
      await first!.throttled(400);
      const started = performance.now();
      await second!.acquire();
      expect(performance.now() - started).toBeGreaterThanOrEqual(350);
    });
  });

  it('should stop waiting when the call is aborted', async () => {
    await withRedis(async (redis, prefix) => {
      const pacer = createRequestPacer({ redis, keyPrefix: prefix, budget: 1 });
      await pacer.acquire();
      const abort = new AbortController();
      setTimeout(() => abort.abort(new Error('cancelled')), 50);
      await expect(pacer.acquire(abort.signal)).rejects.toThrow('cancelled');
    });
  });

  it('should not count (nor ask Redis) at budgets beyond 1 000 requests a second', async () => {
    await withRedis(async (redis, prefix) => {
      const pacer = createRequestPacer({ redis, keyPrefix: prefix, budget: 1_000_000 });
      await Promise.all(Array.from({ length: 50 }, () => pacer.acquire()));
      expect(await redis.exists(`${prefix}:pace`)).toBe(0);
    });
  });
});
