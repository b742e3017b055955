import { describe, expect, it } from 'vitest';
import { useChaosHarness } from './support/chaos-harness.ts';

const ROWS = 40;
/** Both workers get PC_ONBOARD_RATE_LIMIT_PER_MINUTE = 60: L = 1 request/s for all of them together. */
const REQUESTS_PER_MINUTE = 60;
const OBSERVE_MS = 12_000;


const startHarness = useChaosHarness();

/**
 * The limit is one budget in Redis for every worker: two workers together stay at L requests/s
 * on average, where two private limits would reach 2 L (and a per-minute window would start
 * the whole minute's rows at once). Counted at a proxy in front of the sandbox, over 12 s from
 * the first request. Pacing within each second is rate-limit-pace.test.ts.
 */
describe('two workers on one Redis', () => {
  it('should share one rate limit: together about L requests/s, seen from the sandbox', async () => {
    const harness = await startHarness({
      proxy: {},
    });
    const summary = await harness.importRows(ROWS);
    const env = { PC_ONBOARD_RATE_LIMIT_PER_MINUTE: String(REQUESTS_PER_MINUTE), PC_ONBOARD_CONCURRENCY: '4' };
    const workers = [harness.spawnCliWorker(env), harness.spawnCliWorker(env)];
    const arrivals = harness.proxy!.forwardedAt;
    const deadline = Date.now() + 30_000;
    while (arrivals.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(arrivals.length, 'no request reached the sandbox within 30 s').toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, OBSERVE_MS));

    const first = arrivals[0]!;
    const inWindow = arrivals.filter((at) => at - first < OBSERVE_MS).length;
    const allowed = (REQUESTS_PER_MINUTE / 60) * (OBSERVE_MS / 1000);
    for (const worker of workers) expect(worker.exitCode).toBeNull();
    // Work goes on (a third of the budget at least) but never beyond it: 10 % and one request of
    // slack for timers and the network, far below the 2 L of two private limits.
    expect(inWindow).toBeGreaterThanOrEqual(Math.floor(allowed / 3));
    expect(inWindow, `${inWindow} requests in ${OBSERVE_MS / 1000} s; the shared limit allows ${allowed}`).toBeLessThanOrEqual(Math.ceil(allowed * 1.1) + 1);
    expect((await harness.summary(summary.id)).counts.pending).toBeGreaterThan(0);
  }, 60_000);
});
