import { describe, expect, it } from 'vitest';
import { isCsvFileError } from '../../shared/csv/csv-file-error.ts';
import { scanKeys } from '../../test/support/redis/with-redis.ts';
import { useTestPipelines } from '../../test/support/worker/use-test-pipelines.ts';

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
});
