import { describe, expect, it } from 'vitest';
import { isCsvFileError } from '../../shared/csv/csv-file-error.ts';
import { scanKeys } from '../../test/support/redis/with-redis.ts';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { useTestPipelines } from '../../test/support/worker/use-test-pipelines.ts';
import { csvSource } from '../../test/support/worker/csv-source.ts';
import type { CanonicalKey } from '../../shared/customer/canonical-keys.ts';
import type { CreateImportSource } from './import-service.ts';
import { buildOrdersCsv } from '../../test/support/worker/build-orders-csv.ts';

const COLUMNS = ['Company name', 'Domain', 'Country', 'Address line 1', 'City', 'State', 'Postal code', 'First name', 'Last name', 'Email'];
const CELLS = ['Contoso', 'rowsource1', 'US', '1 Microsoft Way', 'Redmond', 'WA', '98052', 'Ana', 'Diaz', 'it@contoso.example.com'];

/** The bytes of a file with this header and rows (no cell holds a comma or a quote). */
function upload(fileName: string, columns: string[], rows: string[][], keys?: readonly (CanonicalKey | null)[]): CreateImportSource {
  return { ...csvSource([columns, ...rows].map((cells) => cells.join(',')).join('\r\n'), fileName), ...(keys ? { keys: [...keys] } : {}) };
}

describe('creating an import from an uploaded file and the person\'s mapping', () => {
  const startPipeline = useTestPipelines();

  it.each([
    ['no recognised column', { columns: ['foo', 'bar'] }, 'no_header'],
    ['a required column missing', { columns: ['company_name', 'domain'] }, 'missing_column'],
    ['a known column twice', { columns: [...COLUMNS, 'E-mail'] }, 'duplicate_column'],
    ['a chosen mapping without a required key', { columns: ['Firma', 'Dom'], keys: ['company_name', 'domain'] as const }, 'missing_column'],
  ])('should refuse a header with %s, storing nothing', async (_name, header, reason) => {
    const pipeline = await startPipeline({ noWorker: true });
    const keys = 'keys' in header ? header.keys : undefined;
    const attempt = pipeline.service.createImport({
      source: upload('bad.csv', header.columns, [header.columns.map(() => 'x')], keys),
      dryRun: true,
      cloud: 'global',
    });
    const error = await attempt.then(() => undefined, (caught: unknown) => caught);
    expect(isCsvFileError(error) && error.reason).toBe(reason);
    expect(await scanKeys(pipeline.redis, `${pipeline.prefix}:import*`)).toEqual([]);
    expect(await pipeline.service.listImports()).toEqual([]);
  });

  it('should read the columns as the person mapped them, not as the header names suggest', async () => {
    const pipeline = await startPipeline();
    // "Firma" is no known header; the mapping makes it the company name and leaves "Notes" unmapped.
    const columns = ['Firma', ...COLUMNS.slice(1), 'Notes'];
    const keys = ['company_name', 'domain', 'country', 'address_line1', 'city', 'state', 'postal_code', 'contact_first_name', 'contact_last_name', 'contact_email', null] as const;
    const summary = await pipeline.service.createImport({ source: upload('mapped.csv', columns, [[...CELLS, 'call first']], keys), dryRun: true, cloud: 'global' });
    expect(summary.header.keys).toEqual(keys);
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ ready: 1, pending: 0 });
  });

  it('should leave an empty unnamed column out of the results file, and keep one with a value', async () => {
    const pipeline = await startPipeline();
    // Excel's trailing ",," gives unnamed columns: the first stays empty, the second holds a CRM id.
    const columns = [...COLUMNS, '', ''];
    const summary = await pipeline.service.createImport({ source: upload('trailing.csv', columns, [[...CELLS, ' ', 'crm-7']]), dryRun: true, cloud: 'global' });
    await pipeline.waitUntilSettled(summary.id);
    expect((await pipeline.service.getImport(summary.id))!.header.omitColumns).toEqual([COLUMNS.length]);
    let text = '';
    for await (const chunk of pipeline.service.resultsCsv(summary.id, 'results', 'en')) text += new TextDecoder().decode(chunk, { stream: true });
    const [header, row] = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header!.split(',').slice(COLUMNS.length, COLUMNS.length + 2)).toEqual([`column_${COLUMNS.length + 2}`, 'pc_row']);
    expect(row).toContain(',crm-7,1,2,ready,');
  });
});

describe('re-importing a failed-rows file', () => {
  const startPipeline = useTestPipelines();

  it('should drop its pc_ columns, so the new files have one pair of error columns', async () => {
    const pipeline = await startPipeline();
    const first = await pipeline.importCsv(buildCustomerCsv([validRow('again1', { Email: 'not-an-email' }), validRow('again2')]), { dryRun: true });
    await pipeline.waitUntilSettled(first.id);
    const failed = await pipeline.resultsText(first.id, 'failed');
    // The user fixes the e-mail in a spreadsheet and imports the failed-rows file as it is.
    const fixed = failed.replace(/^\uFEFF/, '').replace('not-an-email', 'it@again1.example.com');
    expect(fixed.split('\r\n')[0]).toMatch(/,pc_error_field,pc_error$/);
    const second = await pipeline.importCsv(fixed, { dryRun: true });
    await pipeline.waitUntilSettled(second.id);
    const [header] = (await pipeline.resultsText(second.id)).replace(/^\uFEFF/, '').split('\r\n');
    const columns = header!.split(',');
    expect(columns.filter((column) => column === 'pc_error')).toHaveLength(1);
    expect(columns.filter((column) => column === 'pc_error_field')).toHaveLength(1);
    const results = parseResultsCsv(await pipeline.resultsText(second.id));
    expect(results).toEqual([expect.objectContaining({ Domain: 'again1', pc_status: 'ready', pc_error: '' })]);
  });
});

describe('creating an import from an orders file', () => {
  const startPipeline = useTestPipelines();

  it('should recognise it by its columns, record its rows in batches as they stream in, and record invalid rows at once', async () => {
    const pipeline = await startPipeline({ noWorker: true });
    const rows = Array.from({ length: 1_200 }, (_, index) => ({ customer: `c${index}`, offers: index === 7 ? 'NOT-AN-OFFER' : 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*2' }));
    const text = buildOrdersCsv(rows);
    const encoded = new TextEncoder().encode(text);
    const progress: number[] = [];
    const summary = await pipeline.service.createImport({
      // Small pieces, as a file read from disk or an upload arrives.
      source: { kind: 'csv', fileName: 'add-licences.csv', bytes: (async function* () { for (let at = 0; at < encoded.length; at += 4096) yield encoded.subarray(at, at + 4096); })() },
      dryRun: true,
      cloud: 'global',
      onProgress: (report) => report.phase === 'reading' && progress.push(report.rows),
    });
    expect(summary).toMatchObject({ kind: 'orders', total: 1_200, counts: { pending: 1_199, invalid: 1 } });
    expect(summary.header.columns).toEqual(['Customer', 'Offers', 'Term', 'Billing cycle', 'Subscription ID']);
    expect(progress).toEqual([500, 1_000, 1_200]);
    const invalid = (await pipeline.service.listRows(summary.id, { status: 'invalid' })).items;
    expect(invalid).toMatchObject([{ row: 8, line: 9, errorCode: 'invalid_offers', errorField: 'offers' }]);
  });
});
