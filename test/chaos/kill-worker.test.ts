import { describe, expect, it } from 'vitest';
import { exited, useChaosHarness } from './support/chaos-harness.ts';

const ROWS = 1000;

const startHarness = useChaosHarness();

describe('kill -9 of the worker in the middle of an import', () => {
  it('should give every row exactly one final status and create each domain at most once', async () => {
    // 20 ms per call: the import lasts long enough for the kill to land mid-way.
    const harness = await startHarness({ sandbox: { faults: { latencyMs: 20 } } });
    const summary = await harness.importRows(ROWS);
    expect(summary.total).toBe(ROWS);

    const first = harness.spawnCliWorker();
    await harness.waitFor(summary.id, (s) => s.counts.created >= 150, 60_000, '150 rows created by the first worker');
    first.kill('SIGKILL');
    await exited(first);
    expect(first.signalCode).toBe('SIGKILL');
    const atKill = await harness.summary(summary.id);
    expect(atKill.counts.pending).toBeGreaterThan(0);

    // A new worker picks up the queue, and the killed worker's active rows once their 30 s lock expires.
    const second = harness.spawnCliWorker();
    const settled = await harness.waitFor(summary.id, (s) => s.counts.pending === 0, 100_000, 'every row to settle after the restart');
    second.kill('SIGTERM');
    await exited(second);

    const check = await harness.checkInvariants(summary.id, ROWS);
    expect(check.numbers).toEqual(check.expectedNumbers);
    expect(check.notFinal).toEqual([]);
    expect(check.createdTwice).toEqual([]);
    expect(settled.counts.created).toBe(ROWS);
    for (const row of check.created) expect(row.customerId).toMatch(/.+/);
    expect(Object.keys(check.stats.creationsPerDomain)).toHaveLength(ROWS);
  }, 180_000);
});
