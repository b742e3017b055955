import { describe, expect, it } from 'vitest';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../../../test/support/worker/build-customer-csv.ts';
import { buildOrdersCsv, contentHashOf } from '../../../test/support/worker/build-orders-csv.ts';
import { MCA_ACCEPTED, TEST_OFFERS } from '../../../test/support/worker/test-offers.ts';
import type { TestPipeline } from '../../../test/support/worker/start-test-pipeline.ts';
import { useTestPipelines } from '../../../test/support/worker/use-test-pipelines.ts';
import { PartnerCenterError } from '../../../shared/partner-center/partner-center-error.ts';

const { m365Basic: M365, legacyE1: LEGACY } = TEST_OFFERS;
const YEARLY = { Term: 'P1Y', 'Billing cycle': 'annual' } as const;

/** Customers made by the customers pipeline: acme-raise (M365 ×10 yearly), acme-two (M365 ×3 monthly), acme-new (none). */
async function createCustomers(pipeline: TestPipeline, tag: string): Promise<Record<'raise' | 'two' | 'fresh', string>> {
  const csv = buildCustomerCsv([
    validRow(`${tag}raise`, { Offers: `${M365}*10`, ...YEARLY, ...MCA_ACCEPTED }),
    validRow(`${tag}two`, { Offers: `${M365}*3`, ...MCA_ACCEPTED }),
    validRow(`${tag}fresh`, { ...MCA_ACCEPTED }),
  ]);
  const summary = await pipeline.importCsv(csv);
  expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ created: 3 });
  const results = parseResultsCsv(await pipeline.resultsText(summary.id));
  return { raise: results[0]!.pc_customer_id!, two: results[1]!.pc_customer_id!, fresh: results[2]!.pc_customer_id! };
}

/** Every subscription of the customer as `OFFER*QUANTITY`, sorted: what the sandbox holds. */
async function holdings(pipeline: TestPipeline, customerId: string): Promise<string[]> {
  return (await pipeline.subscriptionsOf(customerId)).map((subscription) => `${subscription.offerId}*${subscription.quantity}`).sort();
}

describe('an orders file against the sandbox (docs/contracts/csv.md §6)', () => {
  const startPipeline = useTestPipelines();

  it('should plan in a dry run, raise and buy exactly as the file says, and change nothing when the same file comes again unless asked', async () => {
    const pipeline = await startPipeline({ sandbox: { requireAgreementForPurchases: true } });
    const ids = await createCustomers(pipeline, 'ord');
    const [raiseId] = (await pipeline.subscriptionsOf(ids.raise)).map((subscription) => subscription.id);
    const [twoId] = (await pipeline.subscriptionsOf(ids.two)).map((subscription) => subscription.id);
    const file = buildOrdersCsv([
      { customer: 'ordraise', offers: `${M365}*5`, term: 'P1Y', billingCycle: 'annual' },
      { customer: ids.two, offers: `${M365}*2;${LEGACY}*1` },
      { customer: 'ordfresh.onmicrosoft.com', offers: `${M365}*4`, term: 'P1Y', billingCycle: 'annual' },
      { customer: 'nobodyhere', offers: `${M365}*1` },
    ]);
    const contentHash = contentHashOf(file);

    // Dry run: the plan per item, nothing changed.
    const dry = await pipeline.importCsv(file, { dryRun: true, contentHash });
    expect(dry.kind).toBe('orders');
    expect((await pipeline.waitUntilSettled(dry.id)).counts).toMatchObject({ ready: 3, invalid: 1, pending: 0 });
    const planned = (await pipeline.service.listRows(dry.id, { limit: 10 })).items;
    expect(planned.map((row) => row.plan?.map((sentence) => sentence.en))).toEqual([
      [expect.stringMatching(new RegExp(`^raise .*\\(${raiseId}\\) from 10 to 15$`))],
      [expect.stringMatching(new RegExp(`^raise .*\\(${twoId}\\) from 3 to 5$`)), `buy a new subscription: ${LEGACY} ×1`],
      [`buy a new subscription: ${M365} ×4`],
      undefined,
    ]);
    expect(planned[3]).toMatchObject({ status: 'invalid', errorCode: 'invalid_customer', errorField: 'customer', error: { en: expect.stringContaining('nobodyhere.onmicrosoft.com'), ja: expect.stringContaining('nobodyhere.onmicrosoft.com') } });
    expect(await holdings(pipeline, ids.raise)).toEqual([`${M365}*10`]);

    // The real run.
    const real = await pipeline.importCsv(file, { contentHash });
    expect(real.earlierImport).toBeUndefined();
    expect((await pipeline.waitUntilSettled(real.id)).counts).toMatchObject({ ordered: 3, invalid: 1, pending: 0, failed: 0 });
    expect(await holdings(pipeline, ids.raise)).toEqual([`${M365}*15`]);
    expect(await holdings(pipeline, ids.two)).toEqual([`${LEGACY}*1`, `${M365}*5`].sort());
    expect(await holdings(pipeline, ids.fresh)).toEqual([`${M365}*4`]);
    const results = parseResultsCsv(await pipeline.resultsText(real.id));
    const [freshSubscription] = await pipeline.subscriptionsOf(ids.fresh);
    const legacySubscription = (await pipeline.subscriptionsOf(ids.two)).find((subscription) => subscription.offerId === LEGACY);
    expect(results.map((row) => [row.pc_status, row.pc_subscriptions])).toEqual([
      ['ordered', `${raiseId}:10→15`],
      ['ordered', `${twoId}:3→5;${legacySubscription!.id}:+1`],
      ['ordered', `${freshSubscription!.id}:+4`],
      ['invalid', ''],
    ]);

    // The same bytes again: the applied rows end skipped, naming the real run, without a call for
    // them (only the invalid row looks its customer up again).
    const callsBefore = (await pipeline.sandboxStats()).callsPerEndpoint;
    const again = await pipeline.importCsv(file, { contentHash });
    expect(again.earlierImport).toEqual({ id: real.id, createdAt: real.createdAt });
    expect((await pipeline.waitUntilSettled(again.id)).counts).toMatchObject({ skipped: 3, invalid: 1, ordered: 0 });
    const skipped = (await pipeline.service.listRows(again.id, { status: 'skipped' })).items;
    expect(skipped.map((row) => [row.errorCode, row.note?.en])).toEqual(Array(3).fill(['applied_before', expect.stringContaining(`import ${real.id} of ${real.createdAt}`)]));
    const callsAfter = (await pipeline.sandboxStats()).callsPerEndpoint;
    const writes = (calls: Record<string, number>) => Object.entries(calls).filter(([name]) => /^(PATCH|POST)/.test(name)).reduce((sum, [, count]) => sum + count, 0);
    expect(writes(callsAfter)).toBe(writes(callsBefore));
    const subscriptionReads = (calls: Record<string, number>) => calls['GET /v1/customers/{customerId}/subscriptions'] ?? 0;
    expect(subscriptionReads(callsBefore)).toBeGreaterThan(0);
    expect(subscriptionReads(callsAfter)).toBe(subscriptionReads(callsBefore));
    expect(await holdings(pipeline, ids.raise)).toEqual([`${M365}*15`]);

    // Asked explicitly: applied once more, planned against the subscriptions as they are now.
    const onceMore = await pipeline.importCsv(file, { contentHash, again: true });
    expect((await pipeline.waitUntilSettled(onceMore.id)).counts).toMatchObject({ ordered: 3, invalid: 1 });
    expect(await holdings(pipeline, ids.raise)).toEqual([`${M365}*20`]);
    expect(await holdings(pipeline, ids.fresh)).toEqual([`${M365}*8`]);
    expect(await holdings(pipeline, ids.two)).toEqual([`${LEGACY}*2`, `${M365}*7`].sort());
  });

  it('should resume a retried row at the item it reached, and leave alone what another import of the same bytes applied', async () => {
    let refuseLegacy = true;
    const pipeline = await startPipeline({
      sandbox: { requireAgreementForPurchases: true },
      wrapClient: (client) => ({
        ...client,
        async createOrder(customerId, lines, context) {
          if (refuseLegacy) throw new PartnerCenterError({ errorCode: 'order_rejected', retryable: false, status: 400, message: 'refused once by the test' });
          return client.createOrder(customerId, lines, context);
        },
      }),
    });
    const csv = buildCustomerCsv([validRow('partly', { Offers: `${M365}*10`, ...YEARLY, ...MCA_ACCEPTED })]);
    const customers = await pipeline.importCsv(csv);
    await pipeline.waitUntilSettled(customers.id);
    const customerId = parseResultsCsv(await pipeline.resultsText(customers.id))[0]!.pc_customer_id!;
    const file = buildOrdersCsv([{ customer: 'partly', offers: `${M365}*5;${LEGACY}*1`, term: 'P1Y', billingCycle: 'annual' }]);
    const contentHash = contentHashOf(file);

    // The raise is applied, the purchase refused: the row fails after its first item.
    const first = await pipeline.importCsv(file, { contentHash });
    expect((await pipeline.waitUntilSettled(first.id)).counts).toMatchObject({ failed: 1 });
    expect(await holdings(pipeline, customerId)).toEqual([`${M365}*15`]);

    // The same bytes again: the raise was applied by the first import, only the purchase runs.
    refuseLegacy = false;
    const second = await pipeline.importCsv(file, { contentHash });
    expect((await pipeline.waitUntilSettled(second.id)).counts).toMatchObject({ ordered: 1 });
    const [row] = (await pipeline.service.listRows(second.id, {})).items;
    expect(row).toMatchObject({ subscriptions: expect.stringMatching(/^[0-9a-f-]+:\+1$/), note: { en: expect.stringContaining(`1 item(s) of this row were already applied by import ${first.id}`) } });
    expect(await holdings(pipeline, customerId)).toEqual([`${LEGACY}*1`, `${M365}*15`].sort());

    // Retrying the first import resumes at its second item, which the second import bought: nothing more happens.
    expect(await pipeline.service.retryFailed(first.id)).toBe(1);
    expect((await pipeline.waitUntilSettled(first.id)).counts).toMatchObject({ ordered: 1, failed: 0 });
    const [retried] = (await pipeline.service.listRows(first.id, {})).items;
    expect(retried).toMatchObject({ subscriptions: expect.stringMatching(/:10→15$/), note: { en: expect.stringContaining(second.id) } });
    expect(await holdings(pipeline, customerId)).toEqual([`${LEGACY}*1`, `${M365}*15`].sort());
  });
});
