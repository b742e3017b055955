import { describe, expect, it } from 'vitest';
import { exited, useChaosHarness } from './support/chaos-harness.ts';

const ROWS = 200;

const startHarness = useChaosHarness();

/**
 * The most dangerous moment, made certain: a proxy holds the sandbox's answers to
 * `POST /v1/customers` for 2 s, so customers are committed while the worker has not heard. The
 * worker is killed with SIGKILL right then. The new worker must replay those creates (same
 * MS-RequestId) and record the customers the sandbox made, never create them again.
 */
describe('kill -9 while customer creations are committed but unanswered', () => {
  it('should record each committed customer once and create no domain twice', async () => {
    const harness = await startHarness({
      proxy: { holdResponse: { method: 'POST', path: /^\/v1\/customers(\?|$)/, ms: 2000 } },
    });
    const summary = await harness.importRows(ROWS);
    const first = harness.spawnCliWorker();
    await harness.waitFor(summary.id, (s) => s.counts.created >= 10 && harness.proxy!.heldNow >= 4, 60_000, 'ten rows created and four creations held');
    first.kill('SIGKILL');
    await exited(first);
    const heldAtKill = harness.proxy!.committedBodies.length;
    const createdAtKill = (await harness.summary(summary.id)).counts.created;
    // Customers exist at the sandbox that no row has recorded yet.
    const customersAtKill = (await harness.sandboxStats()).customers.map((customer) => customer.domain);
    expect(customersAtKill.length).toBeGreaterThanOrEqual(createdAtKill + 1);
    expect(heldAtKill).toBeGreaterThanOrEqual(createdAtKill + 1);

    harness.spawnCliWorker();
    await harness.waitFor(summary.id, (s) => s.counts.pending === 0, 100_000, 'every row to settle after the restart');
    const check = await harness.checkInvariants(summary.id, ROWS);
    expect(check.numbers).toEqual(check.expectedNumbers);
    expect(check.notFinal).toEqual([]);
    expect(check.createdTwice).toEqual([]);
    expect(check.created).toHaveLength(ROWS);
    // Each customer committed before the kill is the one its row recorded.
    const idByDomain = new Map(check.stats.customers.map((customer) => [customer.domain, (customer as { id?: string }).id]));
    const recorded = new Set(check.created.map((row) => row.customerId));
    for (const domain of customersAtKill) expect(recorded.has(idByDomain.get(domain)), domain).toBe(true);
    expect(check.stats.customers).toHaveLength(ROWS);
  }, 180_000);
});
