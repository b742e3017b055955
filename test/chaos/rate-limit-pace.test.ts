import { describe, expect, it } from 'vitest';
import { useChaosHarness } from './support/chaos-harness.ts';
import { busiestWindow } from '../support/worker/busiest-window.ts';

/**
 * Two `pc-onboard worker` processes on one Redis against a sandbox whose token bucket is the
 * budget they are configured with (B requests per window, refilled continuously): the budget
 * scaled down in time, B = 30 per 3 s. Arrival times are taken at a proxy in front of the sandbox.
 */
const ROWS = 60;
const BUDGET = 30;
const WINDOW_SECONDS = 3;

const startHarness = useChaosHarness();

describe('two workers on one Redis, one rolling-window budget', () => {
  it('should never exceed B in any window, get no 429, and use the budget', async () => {
    const harness = await startHarness({
      sandbox: { rateLimit: { capacity: BUDGET, refillPerSecond: BUDGET / WINDOW_SECONDS } },
      proxy: {},
    });
    const summary = await harness.importRows(ROWS);
    const env = { PC_ONBOARD_RATE_LIMIT_PER_MINUTE: String(BUDGET), PC_ONBOARD_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS), PC_ONBOARD_CONCURRENCY: '4' };
    harness.spawnCliWorker(env);
    harness.spawnCliWorker(env);
    // 60 rows of 3 calls: 30 at once, the other 150 at 10 a second, about 15 s.
    const settled = await harness.waitFor(summary.id, (s) => s.counts.pending === 0, 60_000, 'every row to settle with two workers');
    expect(settled.counts.created).toBe(ROWS);
    const proxy = harness.proxy!;
    expect(proxy.sandboxThrottled, 'calls the sandbox answered 429').toBe(0);
    const arrivals = [...proxy.forwardedAt].sort((a, b) => a - b);
    expect(arrivals.length).toBeGreaterThanOrEqual(ROWS * 3);
    // The proxy sees a request some time after its grant, and on a loaded machine that delay varies
    // by hundreds of ms (a worker process waiting for a CPU): any window 1 s shorter than the
    // budget's holds at most B. Two private budgets would reach 2 B; the sandbox's bucket, above,
    // is the exact check.
    const busiest = busiestWindow(arrivals, (WINDOW_SECONDS - 1) * 1000);
    expect(busiest, `${busiest} requests arrived within ${WINDOW_SECONDS - 1} s; the budget is ${BUDGET} per ${WINDOW_SECONDS} s`).toBeLessThanOrEqual(BUDGET);
    // And the budget is used: the last call comes about (calls − B) / (B per window) after the first
    // (half as much again for two worker processes starting on a loaded machine).
    const minimumMs = ((arrivals.length - BUDGET) / BUDGET) * WINDOW_SECONDS * 1000;
    expect(arrivals.at(-1)! - arrivals[0]!).toBeLessThan(minimumMs * 1.5);
  }, 90_000);
});
