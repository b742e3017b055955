import { describe, expect, it } from 'vitest';
import { scanKeys } from '../../test/support/redis/with-redis.ts';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { dumpRedisValues } from '../../test/support/worker/dump-redis-values.ts';
import { expectResultsAsExpected } from '../../test/support/worker/expect-results-as-expected.ts';
import { buildHundredRowFile } from '../../test/support/worker/hundred-row-file.ts';
import { MCA_ACCEPTED, TEST_OFFERS } from '../../test/support/worker/test-offers.ts';
import { useTestPipelines } from '../../test/support/worker/use-test-pipelines.ts';

const { m365Basic: M365_BASIC } = TEST_OFFERS;
const MCA = MCA_ACCEPTED;

describe('the import pipeline against the sandbox', () => {
  const startPipeline = useTestPipelines();

  it('should end every row of a 100-row file in its expected status, and create nothing on a rerun', async () => {
    const passwords: string[] = [];
    const file = buildHundredRowFile('co');
    const pipeline = await startPipeline({
      sandbox: { existingDomains: file.takenDomains, requireAgreementForPurchases: true },
      wrapClient: (client) => ({
        ...client,
        async createCustomer(request, context) {
          const created = await client.createCustomer(request, context);
          passwords.push(created.adminPassword);
          return created;
        },
      }),
    });
    const { rows } = file;
    // A blank line (`,,,`) after row 10: it takes no row number but shifts the physical lines.
    const lines = buildCustomerCsv(rows).split('\r\n');
    const csv = [...lines.slice(0, 11), ',,,', ...lines.slice(11)].join('\r\n');
    const summary = await pipeline.importCsv(csv);
    expect(summary.total).toBe(100);
    expect(summary.blankLines).toBe(1);
    const done = await pipeline.waitUntilSettled(summary.id);
    expect(done.state).toBe('done');
    expect(done.counts).toEqual(file.counts);

    const results = parseResultsCsv(await pipeline.resultsText(summary.id));
    expectResultsAsExpected(results, file);
    // Rows 11+ start one physical line later because of the blank line.
    expect(results[9]!.pc_line).toBe('11');
    expect(results[10]!.pc_line).toBe('13');

    const stats = await pipeline.sandboxStats();
    expect(Object.values(stats.creationsPerDomain).every((count) => count === 1)).toBe(true);
    expect(stats.customers).toHaveLength(67);
    expect(stats.customers.filter((customer) => customer.agreements === 1)).toHaveLength(12);

    // The failed-rows file holds the invalid and failed rows only.
    const failedRows = parseResultsCsv(await pipeline.resultsText(summary.id, 'failed'));
    expect(failedRows).toHaveLength(23);

    // One reveal per created row, then nothing.
    const revealed = await pipeline.service.revealPassword(summary.id, 1);
    expect(revealed).toEqual({ adminUser: 'admin@co1.onmicrosoft.com', password: expect.any(String) });
    expect(passwords).toContain(revealed!.password);
    expect(await pipeline.service.revealPassword(summary.id, 1)).toBeUndefined();
    expect(await pipeline.service.revealPassword(summary.id, 73)).toBeUndefined();
    const page = await pipeline.service.listRows(summary.id, { status: 'created', limit: 2 });
    expect(page.items.map((item) => [item.row, item.passwordAvailable])).toEqual([[1, false], [2, true]]);

    // The password appears nowhere: Redis values (except the vault's ciphertext), logs, results.
    expect(passwords).toHaveLength(67);
    const haystacks = [...pipeline.logLines, await pipeline.resultsText(summary.id), await pipeline.resultsText(summary.id, 'failed')];
    haystacks.push(...(await dumpRedisValues(pipeline.redis, pipeline.prefix, (key) => key.includes(':secret:'))));
    const joined = haystacks.join('\n');
    expect(joined.length).toBeGreaterThan(1000);
    for (const password of passwords) expect(joined.includes(password)).toBe(false);

    // Running the same file again creates nothing: the customers this tool made end `created`
    // from the ledger, with the earlier ids and a note, and no call is made for them.
    const callsBefore = stats.callsPerEndpoint;
    const rerun = await pipeline.importCsv(csv);
    const rerunDone = await pipeline.waitUntilSettled(rerun.id);
    expect(rerunDone.counts).toMatchObject({ created: 67, exists: 5, invalid: 23, skipped: 5, failed: 0 });
    const after = await pipeline.sandboxStats();
    expect(after.customers).toHaveLength(67);
    const domainChecks = (calls: Record<string, number>) => Object.entries(calls).filter(([name]) => name.includes('/domains/')).reduce((sum, [, count]) => sum + count, 0);
    expect(callsBefore['POST /v1/customers']).toBeGreaterThan(0);
    expect(after.callsPerEndpoint['POST /v1/customers']).toBe(callsBefore['POST /v1/customers']);
    // Only the 33 rows that are not in the ledger may check their domain again.
    expect(domainChecks(after.callsPerEndpoint) - domainChecks(callsBefore)).toBeLessThanOrEqual(33);
    const rerunResults = parseResultsCsv(await pipeline.resultsText(rerun.id));
    const firstResults = new Map(results.map((result) => [result.pc_row, result]));
    for (const result of rerunResults.filter((row) => row.pc_status === 'created')) {
      expect(result.pc_customer_id).toBe(firstResults.get(result.pc_row)!.pc_customer_id);
      expect(result.pc_admin_user).toBe(firstResults.get(result.pc_row)!.pc_admin_user);
      expect(result.pc_note).toContain(`import ${summary.id} (customers.csv, row ${result.pc_row})`);
      expect(result.pc_relationship_url).toBe('');
    }
  }, 60_000);

  it('should make only read-only calls in a dry run and mark valid rows ready', async () => {
    const pipeline = await startPipeline({ sandbox: { existingDomains: ['taken1.onmicrosoft.com'] } });
    const csv = buildCustomerCsv([validRow('dry1', { Offers: M365_BASIC, ...MCA }), validRow('taken1'), validRow('dry3', { 'Address line 1': 'Nowhere 1' })]);
    const summary = await pipeline.importCsv(csv, { dryRun: true });
    expect(summary.dryRun).toBe(true);
    const done = await pipeline.waitUntilSettled(summary.id);
    expect(done.counts).toMatchObject({ ready: 1, exists: 1, invalid: 1, created: 0 });
    const stats = await pipeline.sandboxStats();
    expect(stats.customers).toHaveLength(0);
    expect(Object.keys(stats.callsPerEndpoint).some((endpoint) => /POST \/v1\/customers|carts|orders/.test(endpoint))).toBe(false);
  }, 30_000);
});

describe('creating an import', () => {
  const startPipeline = useTestPipelines();

  it('should queue nothing and leave no import behind when the file fails half-way', async () => {
    const pipeline = await startPipeline({ noWorker: true });
    const head = new TextEncoder().encode(buildCustomerCsv([validRow('half1'), validRow('half2')]));
    const bytes = (async function* () {
      yield head;
      throw new Error('the upload was cut off');
    })();
    await expect(pipeline.service.createImport({ source: { kind: 'csv', fileName: 'cut.csv', bytes }, dryRun: false, cloud: 'global' })).rejects.toThrow(
      'the upload was cut off',
    );
    expect(await pipeline.service.listImports()).toEqual([]);
    expect(await pipeline.queue.getJobCounts('waiting', 'delayed')).toEqual({ waiting: 0, delayed: 0 });
    expect(await scanKeys(pipeline.redis, `${pipeline.prefix}:import*`)).toEqual([]);
  });

  it('should skip the MCA attestation outside the global cloud with a note on the row', async () => {
    const pipeline = await startPipeline();
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('gov1', MCA)]), { cloud: 'usgov' });
    const done = await pipeline.waitUntilSettled(summary.id);
    expect(done.counts).toMatchObject({ created: 1 });
    const [result] = parseResultsCsv(await pipeline.resultsText(summary.id, 'results', 'ja'));
    expect(result!.pc_error_code).toBe('');
    expect(result!.pc_error).toBe('');
    expect(result!.pc_note).toContain('グローバル クラウド');
    expect((await pipeline.sandboxStats()).customers[0]!.agreements).toBe(0);
  });
});
