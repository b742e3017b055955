import { describe, expect, it } from 'vitest';
import { useChaosHarness } from './support/chaos-harness.ts';

const ROWS = 40;
/** Both workers get the same budget: B = 20 requests per 4 s for all of them together. */
const BUDGET = 20;
const WINDOW_SECONDS = 4;

const startHarness = useChaosHarness();

/**
 * The budget is one sorted set in Redis for every worker: two workers together send B in the
 * first window, where two private budgets would send 2 B. Counted at a proxy in front of an
 * unthrottled sandbox, from the first request until the window ends.
 */
describe('two workers on one Redis', () => {
  it('should share one budget: together B requests in the first window, seen from the sandbox', async () => {
    const harness = await startHarness({ proxy: {} });
    const summary = await harness.importRows(ROWS);
    const env = { PC_ONBOARD_RATE_LIMIT_PER_MINUTE: String(BUDGET), PC_ONBOARD_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS), PC_ONBOARD_CONCURRENCY: '4' };
    const workers = [harness.spawnCliWorker(env), harness.spawnCliWorker(env)];
    const arrivals = harness.proxy!.forwardedAt;
    // The first window's B requests are granted at once; then nothing until the window ends.
    await expect.poll(() => arrivals.length, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(BUDGET);
    const first = arrivals[0]!;
    // Wait until most of the window is over, seen from the proxy's clock.
    await expect.poll(() => performance.now() - first, { timeout: 10_000, interval: 100 }).toBeGreaterThan(WINDOW_SECONDS * 1000 * 0.9);
    const inWindow = arrivals.filter((at) => at - first < WINDOW_SECONDS * 1000 * 0.9).length;
    for (const worker of workers) expect(worker.exitCode).toBeNull();
    // One request of slack for the proxy's clock; two private budgets would reach 2 B.
    expect(inWindow, `${inWindow} requests in the first window; the shared budget allows ${BUDGET}`).toBeLessThanOrEqual(BUDGET + 1);
    expect((await harness.summary(summary.id)).counts.pending).toBeGreaterThan(0);
  }, 60_000);
});
