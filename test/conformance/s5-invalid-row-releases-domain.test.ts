import { describe, expect, it } from 'vitest';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { useTestPipelines } from '../support/worker/use-test-pipelines.ts';

// docs/contracts/csv.md §5: a row found invalid by the address check claims no domain.

describe('§5 a row found invalid by the address check releases its domain', () => {
  const startPipeline = useTestPipelines();

  it.each([false, true])('the next row with that domain runs instead of being skipped (dry run: %s)', async (dryRun) => {
    const pipeline = await startPipeline();
    const csv = buildCustomerCsv([
      validRow('shared1', { 'Address line 1': '1 Nowhere Road' }),
      validRow('other1'),
      validRow('shared1', { 'CRM id': 'second' }),
      validRow('shared1', { 'CRM id': 'third' }),
    ]);
    const summary = await pipeline.importCsv(csv, { dryRun });
    const done = await pipeline.waitUntilSettled(summary.id);
    const results = parseResultsCsv(await pipeline.resultsText(summary.id));
    const success = dryRun ? 'ready' : 'created';
    expect(results.map((row) => [row['CRM id'], row.pc_status, row.pc_error_code])).toEqual([
      ['crm-shared1', 'invalid', 'address_unverified'],
      ['crm-other1', success, ''],
      ['second', success, ''],
      ['third', 'skipped', 'duplicate_domain'],
    ]);
    // The row still skipped names the row that holds the domain now.
    expect(results[3]!.pc_error).toContain('row 3');
    expect(done.counts).toMatchObject({ invalid: 1, skipped: 1, pending: 0, [success]: 2 });
  });
});
