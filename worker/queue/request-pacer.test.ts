import { describe, expect, it } from 'vitest';
import { withRedis } from '../../test/support/redis/with-redis.ts';
import { createRequestPacer } from './request-pacer.ts';
import { busiestWindow } from '../../test/support/worker/busiest-window.ts';

describe('createRequestPacer', () => {
  it('should space the requests of two workers on one Redis evenly, never a burst', async () => {
    await withRedis(async (redis, prefix) => {
      // Two processes' pacers on one key; 8 callers each asking for 3 requests at once.
      const pacers = [createRequestPacer({ redis, keyPrefix: prefix, requestsPerMinute: 600 }), createRequestPacer({ redis, keyPrefix: prefix, requestsPerMinute: 600 })];
      const granted: number[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 8 }, async (_, caller) => {
          for (let request = 0; request < 3; request++) {
            await pacers[caller % 2]!.acquire();
            granted.push(performance.now());
          }
        }),
      );
      expect(granted).toHaveLength(24);
      // 600 per minute is 10 per second: 24 grants take about 2.4 s (not much more: the pace is the
      // budget), and no second holds more than 10.
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThan(2300);
      expect(elapsed).toBeLessThan(4500);
      expect(busiestWindow(granted, 1000)).toBeLessThanOrEqual(10);
    });
  }, 20_000);

  it('should stop waiting when the call is aborted', async () => {
    await withRedis(async (redis, prefix) => {
      const pacer = createRequestPacer({ redis, keyPrefix: prefix, requestsPerMinute: 1 });
      await pacer.acquire();
      const abort = new AbortController();
      setTimeout(() => abort.abort(new Error('cancelled')), 50);
      await expect(pacer.acquire(abort.signal)).rejects.toThrow('cancelled');
    });
  });

  it('should not pace (nor ask Redis) at budgets beyond a request per millisecond', async () => {
    await withRedis(async (redis, prefix) => {
      const pacer = createRequestPacer({ redis, keyPrefix: prefix, requestsPerMinute: 1_000_000 });
      await Promise.all(Array.from({ length: 50 }, () => pacer.acquire()));
      expect(await redis.exists(`${prefix}:pace`)).toBe(0);
    });
  });
});
