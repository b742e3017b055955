import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCustomerCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { MCA_ACCEPTED, TEST_OFFERS } from '../support/worker/test-offers.ts';
import { useChaosHarness } from './support/chaos-harness.ts';

// docs/contracts/partner-center.md §0.15–§0.17: a Partner Center that does not replay
// MS-RequestId, loses answers after committing, fails calls and hides new customers for a while.

const ROWS = 1_000;
const { m365Basic, legacyE1, azurePlan } = TEST_OFFERS;
/** What every 10th row buys, in turn: a cart and a legacy order, the Azure plan alone, a legacy order alone. */
const PURCHASES = [
  { columns: { Offers: `${m365Basic}*3; ${legacyE1}*2`, Term: 'P1Y', 'Billing cycle': 'annual' }, lines: [`${legacyE1}*2`, `${m365Basic}*3`] },
  { columns: { Offers: azurePlan }, lines: [`${azurePlan}*1`] },
  { columns: { Offers: `${legacyE1}*4` }, lines: [`${legacyE1}*4`] },
] as const;
const purchaseOf = (index: number) => (index % 10 === 0 ? PURCHASES[(index / 10) % PURCHASES.length] : undefined);

const startHarness = useChaosHarness();

describe('never depending on replay', () => {
  it('should create every domain and buy every purchase exactly once with replay off, 5 % answers dropped after commit, 5 % 5xx and new customers hidden for 2 s', async () => {
    const harness = await startHarness({
      sandbox: { seed: 23, replay: false, visibilityDelayMs: 2_000, faults: { errorRate: 0.05, dropAfterCommitRate: 0.05, dropMode: 'both' } },
      // The passwords of the first rows must still be there when the last row ends.
      passwordTtlMs: 10 * 60_000,
    });
    // With the attestation, every row calls under /v1/customers/{id} right after creating it.
    const tag = randomUUID().slice(0, 8);
    const bytes = new TextEncoder().encode(buildCustomerCsv(Array.from({ length: ROWS }, (_, index) => validRow(`r${tag}${index}`, { ...MCA_ACCEPTED, ...purchaseOf(index)?.columns }))));
    const summary = await harness.service.createImport({ source: { kind: 'csv', fileName: 'replay-off.csv', bytes: (async function* () { yield bytes; })() }, dryRun: false, cloud: 'global' });
    harness.startInProcessWorker({ concurrency: 32 });
    const settled = await harness.waitFor(summary.id, (s) => s.counts.pending === 0, 240_000, 'every row to settle with replay off');

    const check = await harness.checkInvariants(summary.id, ROWS);
    expect(check.numbers).toEqual(check.expectedNumbers);
    expect(check.notFinal).toEqual([]);
    expect(check.rows.filter((row) => row.status !== 'created').map((row) => [row.row, row.status, row.errorCode, row.error?.en])).toEqual([]);
    expect(settled.counts.created).toBe(ROWS);
    // Every domain created exactly once.
    expect(check.createdTwice).toEqual([]);
    expect(Object.keys(check.stats.creationsPerDomain)).toHaveLength(ROWS);

    // Every created row: a customer id, and a password to reveal or the note to reset it in Partner Center.
    const withoutWay = check.created.filter((row) => !row.customerId || !(row.passwordAvailable || /Reset the admin password/.test(row.note?.en ?? '')));
    expect(withoutWay).toEqual([]);
    const customerIds = new Set(check.stats.customers.map((customer) => (customer as { id?: string }).id));
    expect(check.created.every((row) => customerIds.has(row.customerId))).toBe(true);

    // Every purchase exactly once: the customer's orders hold the row's lines once each, one
    // subscription per line, and the row names exactly those orders.
    const purchases = check.created.flatMap((row) => {
      const purchase = purchaseOf(row.row - 1);
      if (!purchase) return [];
      const orders = harness.sandbox.state.orders.get(row.customerId!) ?? [];
      const lines = orders.flatMap((order) => (order.lineItems as { offerId: string; quantity: number }[]).map((line) => `${line.offerId}*${line.quantity}`));
      const subscriptions = harness.sandbox.state.subscriptions.get(row.customerId!) ?? [];
      return [{ row: row.row, lines: lines.sort(), subscriptions: subscriptions.length, orders: orders.map((order) => order.id as string).sort(), rowOrders: [...(row.orders ?? [])].sort() }];
    });
    expect(purchases).toHaveLength(ROWS / 10);
    const wrong = purchases.filter((bought) => {
      const wanted = purchaseOf(bought.row - 1)!.lines;
      return JSON.stringify(bought.lines) !== JSON.stringify(wanted) || bought.subscriptions !== wanted.length || JSON.stringify(bought.orders) !== JSON.stringify(bought.rowOrders);
    });
    expect(wrong).toEqual([]);
    const rowsWithoutPurchase = check.created.filter((row) => !purchaseOf(row.row - 1) && (harness.sandbox.state.orders.get(row.customerId!) ?? []).length > 0);
    expect(rowsWithoutPurchase).toEqual([]);

    // The faults really happened, and the recovery ran: lost creates found again, passwords reset.
    const recovered = check.created.filter((row) => /admin password of .* was reset/.test(row.note?.en ?? ''));
    expect(recovered.length).toBeGreaterThan(5);
    expect(recovered.every((row) => row.passwordAvailable)).toBe(true);
    const first = recovered[0]!;
    expect(await harness.service.revealPassword(summary.id, first.row)).toEqual({ adminUser: first.adminUser, password: expect.stringMatching(/^.{16}$/) });
    expect(harness.sandbox.state.users.get(first.customerId!)![0]!.passwordResets).toBeGreaterThanOrEqual(1);
    expect(harness.logLines.some((line) => line.includes('not visible yet'))).toBe(true);
    expect(check.stats.callsPerEndpoint['PATCH /v1/customers/{customerId}/users/{userId}/resetpassword']).toBeGreaterThanOrEqual(recovered.length);
  }, 300_000);
});
