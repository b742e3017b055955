import { describe, expect, it } from 'vitest';
import { isCsvFileError } from '../../shared/csv/csv-file-error.ts';
import { scanKeys } from '../../test/support/redis/with-redis.ts';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { useTestPipelines } from '../../test/support/worker/use-test-pipelines.ts';
import { buildOrdersCsv } from '../../test/support/worker/build-orders-csv.ts';

const COLUMNS = ['Company name', 'Domain', 'Country', 'Address line 1', 'City', 'State', 'Postal code', 'First name', 'Last name', 'Email'];
const CELLS = ['Contoso', 'rowsource1', 'US', '1 Microsoft Way', 'Redmond', 'WA', '98052', 'Ana', 'Diaz', 'it@contoso.example.com'];

describe('creating an import from rows split by the extension', () => {
  const startPipeline = useTestPipelines();

  it.each([
    ['no recognised column', { columns: ['foo', 'bar'] }, 'no_header'],
    ['a required column missing', { columns: ['company_name', 'domain'] }, 'missing_column'],
    ['a known column twice', { columns: [...COLUMNS, 'E-mail'] }, 'duplicate_column'],
    ['a chosen mapping without a required key', { columns: ['Firma', 'Dom'], keys: ['company_name', 'domain'] as const }, 'missing_column'],
  ])('should refuse a header with %s like the reader does, storing nothing', async (_name, header, reason) => {
    const pipeline = await startPipeline({ noWorker: true });
    const rows = [{ row: 1, line: 2, cells: header.columns.map(() => 'x') }];
    const keys = 'keys' in header ? [...header.keys] : undefined;
    const attempt = pipeline.service.createImport({
      source: { kind: 'rows', fileName: 'bad.csv', columns: header.columns, ...(keys ? { keys } : {}), rows },
      dryRun: true,
      cloud: 'global',
    });
    const error = await attempt.then(() => undefined, (caught: unknown) => caught);
    expect(isCsvFileError(error) && error.reason).toBe(reason);
    expect(await scanKeys(pipeline.redis, `${pipeline.prefix}:import*`)).toEqual([]);
    expect(await pipeline.service.listImports()).toEqual([]);
  });

  it('should accept a header the reader accepts and validate its rows', async () => {
    const pipeline = await startPipeline();
    const summary = await pipeline.service.createImport({
      source: { kind: 'rows', fileName: 'ok.csv', columns: COLUMNS, rows: [{ row: 1, line: 2, cells: CELLS }] },
      dryRun: true,
      cloud: 'global',
    });
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ ready: 1, pending: 0 });
  });

  it('should leave an empty unnamed column out of the results file, and keep one with a value', async () => {
    const pipeline = await startPipeline();
    // Excel's trailing ",," gives unnamed columns: the first stays empty, the second holds a CRM id.
    const columns = [...COLUMNS, '', ''];
    const summary = await pipeline.service.createImport({
      source: { kind: 'rows', fileName: 'trailing.csv', columns, rows: [{ row: 1, line: 2, cells: [...CELLS, ' ', 'crm-7'] }] },
      dryRun: true,
      cloud: 'global',
    });
    await pipeline.waitUntilSettled(summary.id);
    expect((await pipeline.service.getImport(summary.id))!.header.omitColumns).toEqual([COLUMNS.length]);
    let text = '';
    for await (const chunk of pipeline.service.resultsCsv(summary.id, 'results', 'en')) text += new TextDecoder().decode(chunk, { stream: true });
    const [header, row] = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header!.split(',').slice(COLUMNS.length, COLUMNS.length + 2)).toEqual([`column_${COLUMNS.length + 2}`, 'pc_row']);
    expect(row).toContain(',crm-7,1,2,ready,');
  });

  it('should number rows itself: two rows both numbered 1 both run and the import drains', async () => {
    const pipeline = await startPipeline();
    const second = CELLS.map((cell) => cell.replace('rowsource1', 'rowsource2'));
    const summary = await pipeline.service.createImport({
      source: { kind: 'rows', fileName: 'twins.csv', columns: COLUMNS, rows: [{ row: 1, line: 2, cells: CELLS }, { row: 1, line: 3, cells: second }] },
      dryRun: true,
      cloud: 'global',
    });
    const settled = await pipeline.waitUntilSettled(summary.id);
    expect(settled.counts).toMatchObject({ ready: 2, pending: 0 });
    const results = parseResultsCsv(await pipeline.resultsText(summary.id));
    expect(results.map((row) => [row.pc_row, row.pc_line, row.Domain])).toEqual([['1', '2', 'rowsource1'], ['2', '3', 'rowsource2']]);
  });

  it('should number rows itself: a single row numbered 7 is row 1 of a full results file', async () => {
    const pipeline = await startPipeline();
    const summary = await pipeline.service.createImport({
      source: { kind: 'rows', fileName: 'seven.csv', columns: COLUMNS, rows: [{ row: 7, line: 8, cells: CELLS }] },
      dryRun: true,
      cloud: 'global',
    });
    await pipeline.waitUntilSettled(summary.id);
    const results = parseResultsCsv(await pipeline.resultsText(summary.id));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ pc_row: '1', pc_line: '8', pc_status: 'ready' });
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
