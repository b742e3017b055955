import { describe, expect, it } from 'vitest';
import { useChaosHarness } from './support/chaos-harness.ts';

const ROWS = 100;

const startHarness = useChaosHarness();

describe('Partner Center faults all at once', () => {
  it('should survive 30 % 429, 5 % 5xx and 2 % commit-then-drop: every row final once, no duplicate, none failed for throttling', async () => {
    const harness = await startHarness({
      sandbox: { seed: 7, faults: { errorRate: 0.05, dropAfterCommitRate: 0.02, dropMode: 'both' } },
      proxy: { throttleRate: 0.3, seed: 11 },
    });
    const summary = await harness.importRows(ROWS);
    harness.spawnCliWorker({ PC_ONBOARD_MAX_ATTEMPTS: '10' });
    const settled = await harness.waitFor(summary.id, (s) => s.counts.pending === 0, 110_000, 'every row to settle under faults');

    const check = await harness.checkInvariants(summary.id, ROWS);
    expect(check.numbers).toEqual(check.expectedNumbers);
    expect(check.notFinal).toEqual([]);
    expect(check.createdTwice).toEqual([]);
    expect(check.rows.filter((row) => row.errorCode === 'rate_limited')).toEqual([]);
    expect(settled.counts.created).toBe(ROWS);
    // The faults really happened.
    expect(harness.proxy!.throttled).toBeGreaterThan(ROWS * 0.3);
    const calls = Object.values(check.stats.callsPerEndpoint).reduce((total, count) => total + count, 0);
    expect(calls).toBeGreaterThan(ROWS * 3);
  }, 150_000);
});
