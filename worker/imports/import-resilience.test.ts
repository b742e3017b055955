import { describe, expect, it, vi } from 'vitest';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { MCA_ACCEPTED, TEST_OFFERS } from '../../test/support/worker/test-offers.ts';
import { useTestPipelines } from '../../test/support/worker/use-test-pipelines.ts';

const { m365Basic: M365_BASIC, legacyE1: LEGACY_E1 } = TEST_OFFERS;
const MCA = MCA_ACCEPTED;

describe('the import pipeline when things go wrong', () => {
  const startPipeline = useTestPipelines();

  it('should resume after every creating call commits and loses its answer, creating nothing twice', async () => {
    // Every creating POST commits, then answers 500 or resets the socket; only the replay answers.
    const pipeline = await startPipeline({ sandbox: { faults: { dropAfterCommitRate: 1, dropMode: 'both' }, seed: 7 }, maxAttempts: 8 });
    const rows = Array.from({ length: 10 }, (_, index) => validRow(`drop${index + 1}`, { Offers: `${M365_BASIC}*2;${LEGACY_E1}`, ...MCA }));
    const summary = await pipeline.importCsv(buildCustomerCsv(rows));
    const done = await pipeline.waitUntilSettled(summary.id, 30_000);
    expect(done.counts).toMatchObject({ created: 10, failed: 0 });
    const stats = await pipeline.sandboxStats();
    expect(stats.customers).toHaveLength(10);
    expect(Object.values(stats.creationsPerDomain)).toEqual(Array(10).fill(1));
    for (const customer of stats.customers) {
      expect(customer.agreements).toBe(1);
      expect(customer.orders).toHaveLength(2);
    }
    const results = parseResultsCsv(await pipeline.resultsText(summary.id));
    for (const result of results) {
      const customer = stats.customers.find((candidate) => candidate.domain === `${result.Domain}.onmicrosoft.com`)!;
      expect(result.pc_customer_id).toBe(customer.id);
      expect(result.pc_orders!.split(';').sort()).toEqual([...customer.orders].sort());
    }
  }, 40_000);

  it('should finish a 429 storm with no row failed, the waits costing no attempt', async () => {
    // A bucket of 15 calls refilled at 15 per second for 72 calls: rows meet 429s (Retry-After 1 s).
    const pipeline = await startPipeline({ sandbox: { rateLimit: { capacity: 15, refillPerSecond: 15 } }, maxAttempts: 1 });
    const rows = Array.from({ length: 24 }, (_, index) => validRow(`storm${index + 1}`));
    const summary = await pipeline.importCsv(buildCustomerCsv(rows));
    const done = await pipeline.waitUntilSettled(summary.id, 40_000);
    expect(done.counts).toMatchObject({ created: 24, failed: 0 });
    const throttled = pipeline.logLines.filter((line) => line.includes('Partner Center throttled'));
    expect(throttled.length).toBeGreaterThan(0);
    expect(Object.values((await pipeline.sandboxStats()).creationsPerDomain)).toEqual(Array(24).fill(1));
  }, 50_000);

  it('should let another worker finish a row whose worker died mid-call, creating the customer once', async () => {
    let hang = true;
    const pipeline = await startPipeline({
      noWorker: true,
      worker: { lockDurationMs: 1000, stalledIntervalMs: 300 },
      wrapClient: (client) => ({
        ...client,
        async createCustomer(request, context) {
          const created = await client.createCustomer(request, context);
          // The first worker "dies" after Partner Center committed: it never answers.
          if (hang) return new Promise<never>(() => {});
          return created;
        },
      }),
    });
    const doomed = pipeline.startRowWorker();
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('stall1')]));
    await vi.waitFor(async () => expect((await pipeline.sandboxStats()).customers.length).toBeGreaterThan(0), { timeout: 5_000, interval: 50 });
    hang = false;
    await doomed.worker.close(true);
    pipeline.startRowWorker();
    const done = await pipeline.waitUntilSettled(summary.id, 20_000);
    expect(done.counts).toMatchObject({ created: 1 });
    expect((await pipeline.sandboxStats()).creationsPerDomain).toEqual({ 'stall1.onmicrosoft.com': 1 });
    expect(await pipeline.service.revealPassword(summary.id, 1)).toMatchObject({ adminUser: 'admin@stall1.onmicrosoft.com' });
  }, 30_000);

  it('should skip queued rows on cancel and create nothing for them', async () => {
    const pipeline = await startPipeline({ noWorker: true });
    const rows = Array.from({ length: 12 }, (_, index) => validRow(`cancel${index + 1}`));
    rows.push(validRow('cancel1'));
    const summary = await pipeline.importCsv(buildCustomerCsv(rows));
    expect(summary.counts).toMatchObject({ pending: 12, skipped: 1 });
    expect(await pipeline.queue.getJobCounts('waiting')).toEqual({ waiting: 12 });
    expect(await pipeline.service.cancel(summary.id)).toBe(12);
    expect(await pipeline.queue.getJobCounts('waiting')).toEqual({ waiting: 0 });
    pipeline.startRowWorker();
    const after = (await pipeline.service.getImport(summary.id))!;
    expect(after.state).toBe('cancelled');
    expect(after.counts).toMatchObject({ pending: 0, skipped: 13, created: 0 });
    const page = await pipeline.service.listRows(summary.id, { status: 'skipped', limit: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.items[0]).toMatchObject({ row: 1, errorCode: 'cancelled' });
    expect(page.nextCursor).toBe('5');
    const next = await pipeline.service.listRows(summary.id, { status: 'skipped', cursor: page.nextCursor!, limit: 100 });
    expect(next.items.map((item) => item.row)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
    expect(next.nextCursor).toBeUndefined();
    expect((await pipeline.sandboxStats()).customers).toHaveLength(0);
    expect(await pipeline.service.cancel(summary.id)).toBe(0);
  });

  it('should retry failed rows from the step they reached, without creating the customer again', async () => {
    // The attestation of rows 1 and 2 does not reach Partner Center (as if refused silently), so
    // their purchases are refused with 403/13605 until the customer accepts in the admin center.
    const pipeline = await startPipeline({
      wrapClient: (client) => ({ ...client, confirmCustomerAgreement: async () => ({ alreadyConfirmed: false, templateId: '117a77b0-9360-443b-8795-c6dedc750cf9' }) }),
    });
    const rows = [validRow('retry1', { Offers: M365_BASIC, ...MCA_ACCEPTED }), validRow('retry2', { Offers: M365_BASIC, ...MCA_ACCEPTED }), validRow('retry3')];
    const summary = await pipeline.importCsv(buildCustomerCsv(rows));
    const first = await pipeline.waitUntilSettled(summary.id);
    expect(first.counts).toMatchObject({ created: 1, failed: 2 });
    const failed = await pipeline.service.listRows(summary.id, { status: 'failed' });
    expect(failed.items.map((item) => [item.row, item.errorCode, Boolean(item.customerId)])).toEqual([
      [1, 'forbidden', true],
      [2, 'forbidden', true],
    ]);

    // The customer accepted the MCA in the admin center meanwhile: purchases go through now.
    pipeline.sandbox.state.requireAgreementForPurchases = false;
    expect(await pipeline.service.retryFailed(summary.id)).toBe(2);
    const second = await pipeline.waitUntilSettled(summary.id);
    expect(second.state).toBe('done');
    expect(second.counts).toMatchObject({ created: 3, failed: 0, pending: 0 });
    const stats = await pipeline.sandboxStats();
    expect(stats.creationsPerDomain).toEqual({ 'retry1.onmicrosoft.com': 1, 'retry2.onmicrosoft.com': 1, 'retry3.onmicrosoft.com': 1 });
    expect(stats.customers.filter((customer) => customer.orders.length === 1)).toHaveLength(2);
    const results = parseResultsCsv(await pipeline.resultsText(summary.id));
    expect(results.map((result) => [result.pc_status, result.pc_error_code])).toEqual([
      ['created', ''],
      ['created', ''],
      ['created', ''],
    ]);
    expect(await pipeline.service.retryFailed(summary.id)).toBe(0);
  });
});
