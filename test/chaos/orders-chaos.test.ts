import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/imports/import-types.ts';
import { buildCustomerCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { buildOrdersCsv } from '../support/worker/build-orders-csv.ts';
import { MCA_ACCEPTED, TEST_OFFERS } from '../support/worker/test-offers.ts';
import { exited, useChaosHarness, type ChaosHarness } from './support/chaos-harness.ts';

// docs/contracts/csv.md §6 "never applied twice": however an orders import is interrupted,
// every quantity is raised exactly once and every new subscription bought once.

const { m365Basic: M365, legacyE1: LEGACY } = TEST_OFFERS;
const START = 10;
/** Licences row `index` adds to its customer's subscription; every third row also buys a legacy offer. */
const added = (index: number) => (index % 5) + 1;
const buysLegacy = (index: number) => index % 3 === 0;

const startHarness = useChaosHarness();

function fileOf(bytes: string, name: string) {
  const encoded = new TextEncoder().encode(bytes);
  return { kind: 'csv' as const, fileName: name, bytes: (async function* () { yield encoded; })() };
}

/** `count` customers, each with one M365 subscription of START licences (yearly), made by a customers import. */
async function createCustomers(harness: ChaosHarness, count: number): Promise<string[]> {
  const tag = randomUUID().slice(0, 8);
  const csv = buildCustomerCsv(Array.from({ length: count }, (_, index) => validRow(`o${tag}${index}`, { Offers: `${M365}*${START}`, Term: 'P1Y', 'Billing cycle': 'annual', ...MCA_ACCEPTED })));
  const summary = await harness.service.createImport({ source: fileOf(csv, 'customers.csv'), dryRun: false, cloud: 'global' });
  await harness.waitFor(summary.id, (s) => s.counts.pending === 0, 60_000, 'the customers to be created');
  const rows = await harness.allRows(summary.id);
  expect(rows.filter((row) => row.status !== 'created')).toEqual([]);
  return rows.map((row) => row.customerId!);
}

async function importOrders(harness: ChaosHarness, customerIds: readonly string[]): Promise<ImportSummary> {
  const csv = buildOrdersCsv(customerIds.map((customer, index) => ({ customer, offers: buysLegacy(index) ? `${M365}*${added(index)};${LEGACY}*2` : `${M365}*${added(index)}`, term: 'P1Y', billingCycle: 'annual' })));
  return harness.service.createImport({ source: fileOf(csv, 'add-licences.csv'), dryRun: false, cloud: 'global' });
}

/** Every customer holds START + its row's licences, and the legacy offer once when its row buys it. */
async function expectAppliedOnce(harness: ChaosHarness, customerIds: readonly string[], importId: string): Promise<void> {
  const rows = await harness.allRows(importId);
  expect(rows.filter((row) => row.status !== 'ordered').map((row) => [row.row, row.status, row.errorCode, row.error?.en])).toEqual([]);
  const wrong: string[] = [];
  for (const [index, customerId] of customerIds.entries()) {
    const held = (await harness.client.listSubscriptions(customerId)).map((subscription) => `${subscription.offerId}*${subscription.quantity}`).sort();
    const wanted = [`${M365}*${START + added(index)}`, ...(buysLegacy(index) ? [`${LEGACY}*2`] : [])].sort();
    if (JSON.stringify(held) !== JSON.stringify(wanted)) wrong.push(`row ${index + 1}: ${held.join(' ')} (wanted ${wanted.join(' ')})`);
  }
  expect(wrong).toEqual([]);
}

describe('an orders import under faults', () => {
  it('should raise every quantity exactly once with 20 % 5xx, 30 % answers lost after commit, replay off and a crash between the PATCH answer and its record', async () => {
    const harness = await startHarness({ sandbox: { seed: 31, replay: false } });
    const crashed = new Set<string>();
    // Crashes once per subscription right after the PATCH answered: the change is made, not recorded.
    harness.startInProcessWorker({
      concurrency: 8,
      partnerCenter: {
        ...harness.client,
        async setSubscriptionQuantity(customerId, subscription, quantity, context) {
          const answer = await harness.client.setSubscriptionQuantity(customerId, subscription, quantity, context);
          if (!crashed.has(subscription.id)) {
            crashed.add(subscription.id);
            throw new Error('worker crashed after the PATCH answered');
          }
          return answer;
        },
      },
    });
    const customerIds = await createCustomers(harness, 30);
    const faults = await fetch(`${harness.sandbox.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errorRate: 0.2, dropAfterCommitRate: 0.3 }) });
    expect(faults.ok).toBe(true);
    const summary = await importOrders(harness, customerIds);
    await harness.waitFor(summary.id, (s) => s.counts.pending === 0, 120_000, 'every orders row to settle');
    await fetch(`${harness.sandbox.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errorRate: 0, dropAfterCommitRate: 0 }) });
    // A PATCH whose answer the sandbox dropped never reaches the crash: its retry finds the target reached.
    expect(crashed.size).toBeGreaterThan(5);
    await expectAppliedOnce(harness, customerIds, summary.id);
  }, 180_000);

  it('should raise every quantity exactly once when the worker is killed -9 mid-import and another takes over', async () => {
    const harness = await startHarness({ sandbox: { faults: { latencyMs: 20 } } });
    harness.startInProcessWorker({ concurrency: 8 });
    const customerIds = await createCustomers(harness, 60);
    // Only the child processes work on the orders.
    await harness.closeInProcessWorkers();
    const summary = await importOrders(harness, customerIds);
    const first = harness.spawnCliWorker();
    await harness.waitFor(summary.id, (s) => s.counts.ordered >= 15, 60_000, '15 rows ordered by the first worker');
    first.kill('SIGKILL');
    await exited(first);
    expect((await harness.summary(summary.id)).counts.pending).toBeGreaterThan(0);
    const second = harness.spawnCliWorker();
    await harness.waitFor(summary.id, (s) => s.counts.pending === 0, 100_000, 'every row to settle after the restart');
    second.kill('SIGTERM');
    await exited(second);
    await expectAppliedOnce(harness, customerIds, summary.id);
  }, 180_000);
});
