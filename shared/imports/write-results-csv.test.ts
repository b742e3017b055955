import { describe, expect, it } from 'vitest';
import { collectBytes, textSource } from '../../test/support/byte-sources.ts';
import type { RowResult } from './import-types.ts';
import { openCustomerCsv } from '../csv/open-customer-csv.ts';
import { writeResultsCsv, type ResultsCsvRow } from './write-results-csv.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const COLUMNS = ['company_name', 'domain', 'country', 'address_line1', 'city', 'state', 'postal_code', 'contact_first_name', 'contact_last_name', 'contact_email', 'CRM id', ''];

function row(cells: string[], result: Partial<RowResult> & Pick<RowResult, 'row' | 'status'>): ResultsCsvRow {
  return { cells, result: { line: result.row + 1, ...result } };
}

const ROWS: ResultsCsvRow[] = [
  row(['Contoso', 'contoso', 'US', '1 Way', 'Redmond', 'WA', '98052', 'Ana', 'Diaz', 'ana@contoso.example', 'CRM-1', ''], {
    row: 1,
    status: 'created',
    customerId: 'c0ffee00-0000-4000-8000-000000000001',
    adminUser: 'admin@contoso.onmicrosoft.com',
    orders: ['o-1', 'o-2'],
  }),
  row(['=cmd|calc', 'bad.com', 'US', '+1 Way', 'Redmond', 'WA', '98052', 'Ana', 'Diaz', 'ana@contoso.example', '@id', 'x'], {
    row: 2,
    status: 'invalid',
    errorCode: 'invalid_domain',
    errorField: 'domain',
    error: { en: 'Domain "bad.com", fix it', ja: 'ドメインを修正してください' },
  }),
  row(['Fabrikam', 'fabrikam', 'US', '-1 Way\r\nSuite "2"', 'Redmond', 'WA', '98052', 'Jo', 'Li', 'jo@fabrikam.example', '\tTab', ''], {
    row: 3,
    status: 'failed',
    errorCode: 'rate_limited',
    error: { en: 'Throttled; retry later', ja: '後で再試行してください' },
  }),
  row(['Exists', 'exists', 'US', '1 Way', 'Redmond', 'WA', '98052', 'Ana', 'Diaz', 'ana@contoso.example', '', ''], {
    row: 4,
    status: 'exists',
    errorCode: 'domain_taken',
    relationshipUrl: 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=p',
  }),
];

async function text(kind: 'results' | 'failed', language: 'en' | 'ja' = 'en'): Promise<string> {
  const bytes = await collectBytes(writeResultsCsv(COLUMNS, ROWS, { kind, language }));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes.subarray(3));
}

describe('writeResultsCsv', () => {
  it('should write every row with the pc_* columns after the original ones, CRLF-terminated', async () => {
    const lines = (await text('results')).split('\r\n');
    expect(lines[0]).toBe(
      'company_name,domain,country,address_line1,city,state,postal_code,contact_first_name,contact_last_name,contact_email,CRM id,column_12,' +
        'pc_row,pc_line,pc_status,pc_customer_id,pc_admin_user,pc_orders,pc_relationship_url,pc_error_code,pc_error_field,pc_error,pc_note',
    );
    expect(lines[1]).toBe(
      'Contoso,contoso,US,1 Way,Redmond,WA,98052,Ana,Diaz,ana@contoso.example,CRM-1,,1,2,created,c0ffee00-0000-4000-8000-000000000001,admin@contoso.onmicrosoft.com,o-1;o-2,,,,,',
    );
    // Papa.unparse quotes a cell it escaped as a formula: "'=cmd|calc" reads back as '=cmd|calc.
    expect(lines[2]).toBe(
      "\"'=cmd|calc\",bad.com,US,\"'+1 Way\",Redmond,WA,98052,Ana,Diaz,ana@contoso.example,\"'@id\",x,2,3,invalid,,,,,invalid_domain,domain,\"Domain \"\"bad.com\"\", fix it\",",
    );
    expect(lines.at(-1)).toBe('');
  });

  it('should write pc_note last, in the chosen language, and leave it out of the failed-rows file', async () => {
    const noted = row(['Contoso', 'contoso'], { row: 1, status: 'created', note: { en: 'Reset the admin password in Partner Center.', ja: 'Partner Center で管理者パスワードをリセットしてください。' } });
    const read = async (kind: 'results' | 'failed', language: 'en' | 'ja') =>
      new TextDecoder().decode(await collectBytes(writeResultsCsv(['company_name', 'domain'], [noted], { kind, language }))).split('\r\n');
    expect((await read('results', 'en'))[1]?.endsWith(',created,,,,,,,,Reset the admin password in Partner Center.')).toBe(true);
    expect((await read('results', 'ja'))[1]?.endsWith(',Partner Center で管理者パスワードをリセットしてください。')).toBe(true);
    expect((await read('failed', 'en'))[0]).toBe('company_name,domain,pc_error_field,pc_error');
  });

  it('should escape formulas, tabs and quote line breaks', async () => {
    const content = await text('results');
    // A cell holding a line break is escaped too (Papa's built-in escapeFormulae pattern would miss it).
    expect(await collectBytes(writeResultsCsv(['a'], [row(['=1\n2'], { row: 1, status: 'ready' })], { kind: 'results', language: 'en' }))).toSatisfy(
      (bytes: Uint8Array) => new TextDecoder().decode(bytes).includes('"\'=1\n2"'),
    );
    expect(content).toContain('"\'-1 Way\r\nSuite ""2"""');
    expect(content).toContain("\"'\tTab\"");
  });

  it('should write only invalid and failed rows to the failed-rows file, in the chosen language', async () => {
    const content = await text('failed', 'ja');
    const lines = content.split('\r\n');
    expect(lines[0]?.endsWith(',column_12,pc_error_field,pc_error')).toBe(true);
    expect(lines[1]?.endsWith(',domain,ドメインを修正してください')).toBe(true);
    // Row 3 holds a quoted CRLF, so it spans two of the split pieces.
    expect(lines[2]?.startsWith('Fabrikam,')).toBe(true);
    expect(lines[3]?.endsWith(',,後で再試行してください')).toBe(true);
    expect(content).not.toContain('Contoso,');
    expect(content).not.toContain('Exists,');
  });

  it('should produce a failed-rows file that the reader reads back to the same cells and records', async () => {
    const source = [
      'company_name,domain,country,address_line1,city,state,postal_code,contact_first_name,contact_last_name,contact_email,crm',
      "'=Evil,evil1,US,\"1 Way\nRear\",Redmond,WA,98052,Ana,Diaz,ana@contoso.example,'+x",
      'Bad,bad.com,US,1 Way,Redmond,WA,98052,Ana,Diaz,ana@contoso.example,-2',
    ].join('\r\n');
    const first = await openCustomerCsv(textSource(source), { now: NOW });
    const original: ResultsCsvRow[] = [];
    for await (const read of first.rows()) {
      original.push({ cells: read.cells, result: { row: read.row, line: read.line, status: 'failed', errorCode: 'upstream_error', error: { en: 'Server error, retry', ja: '再試行' } } });
    }
    const bytes = await collectBytes(writeResultsCsv(first.header.columns, original, { kind: 'failed', language: 'en' }));
    const again = await openCustomerCsv((async function* () { yield bytes; })(), { now: NOW });
    const reread = [];
    for await (const read of again.rows()) reread.push(read);
    const width = first.header.columns.length;
    expect(reread.map((read) => read.cells.slice(0, width))).toEqual(original.map((item) => item.cells));
    expect(reread.map((read) => read.outcome)).toEqual(
      original.map((_, index) => index).map((index) => (index === 0 ? { ok: true, record: expect.objectContaining({ company_name: '=Evil', address_line1: '1 Way\nRear' }) } : expect.objectContaining({ ok: false }))),
    );
    expect(again.header.keys.slice(-2)).toEqual([null, null]);
  });
});

describe('empty unnamed columns', () => {
  it('should drop an unnamed column whose cells are all empty and keep one with data as column_<n>', async () => {
    const source = 'company_name,,domain,country,address_line1,city,state,postal_code,contact_first_name,contact_last_name,contact_email,\r\n' +
      'Contoso,,contoso,US,1 Way,Redmond,WA,98052,Ana,Diaz,ana@contoso.example,note\r\n';
    const csv = await openCustomerCsv(textSource(source), { now: NOW });
    const rows: ResultsCsvRow[] = [];
    for await (const read of csv.rows()) rows.push({ cells: read.cells, result: { row: read.row, line: read.line, status: 'ready' } });
    expect(csv.emptyUnnamedColumns).toEqual([1]);
    const bytes = await collectBytes(writeResultsCsv(csv.header.columns, rows, { kind: 'results', language: 'en', omitColumns: csv.emptyUnnamedColumns }));
    const [header, first] = new TextDecoder().decode(bytes.subarray(3)).split('\r\n');
    expect(header?.startsWith('company_name,domain,')).toBe(true);
    expect(header).toContain(',contact_email,column_12,pc_row,');
    expect(first?.startsWith('Contoso,contoso,US,')).toBe(true);
    expect(first).toContain(',ana@contoso.example,note,1,2,ready,');
  });
});
