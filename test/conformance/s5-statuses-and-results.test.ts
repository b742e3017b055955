import { describe, expect, it } from 'vitest';
import { createRowClassifier } from '../../shared/csv/create-row-classifier.ts';
import { mapHeader } from '../../shared/csv/map-header.ts';
import { FAILED_ROW_COLUMNS, RESULT_COLUMNS } from '../../shared/imports/result-columns.ts';
import { writeResultsCsv, type ResultsCsvRow } from '../../shared/imports/write-results-csv.ts';
import { ERROR_CODES } from '../../shared/errors/error-codes.ts';
import type { RowResult } from '../../shared/imports/import-types.ts';
import { collectBytes } from '../support/byte-sources.ts';
import { BASE_US, NOW, readCsv, verdictOf } from './conformance-support.ts';

// docs/contracts/csv.md §5: statuses decided by the reader, the results file and the failed-rows file.

const HEAD = Object.keys(BASE_US);
const ROW = Object.values(BASE_US) as string[];
const withDomain = (domain: string) => ROW.map((cell, index) => (HEAD[index] === 'domain' ? domain : cell)).join(',');
const withEmail = (domain: string, email: string) => withDomain(domain).replace('ana@contoso.example', email);

describe('§5 skipped: duplicate_domain', () => {
  it('same domain as an earlier valid row → skipped, duplicate_domain, field domain, the message names that row', async () => {
    const file = await readCsv(`${HEAD.join(',')}\r\n${withDomain('alpha')}\r\n${withDomain('beta')}\r\n\r\n${withDomain('ALPHA.onmicrosoft.com')}\r\n`);
    const v = verdictOf(file.rows[2]!);
    expect(v).toMatchObject({ status: 'skipped', code: 'duplicate_domain', field: 'domain' });
    expect(v.en).toMatch(/\brow 1\b/);
    expect(v.ja).toMatch(/1 ?行目/);
    expect(ERROR_CODES.duplicate_domain.status).toBe('skipped');
  });

  it('an invalid row stays invalid and claims no domain', async () => {
    const file = await readCsv(`${HEAD.join(',')}\r\n${withEmail('alpha', 'bad')}\r\n${withDomain('alpha')}\r\n${withDomain('alpha')}\r\n${withEmail('alpha', 'bad')}\r\n`);
    expect(file.rows.map((row) => verdictOf(row)).map((v) => [v.status, v.code])).toEqual([
      ['invalid', 'invalid_email'],
      ['ok', undefined],
      ['skipped', 'duplicate_domain'],
      ['invalid', 'invalid_email'],
    ]);
    expect(verdictOf(file.rows[2]!).en).toMatch(/\brow 2\b/);
  });

  it('the message names the row number, not the line', async () => {
    const file = await readCsv(`\r\n${HEAD.join(',')}\r\n,,\r\n${withDomain('alpha')}\r\n${withDomain('alpha')}\r\n`);
    expect(file.rows[0]!.line).toBe(4);
    const v = verdictOf(file.rows[1]!);
    expect(v.en).toMatch(/\brow 1\b/);
    expect(v.en).not.toMatch(/\brow 4\b/);
  });

  it('createRowClassifier (rows split by the extension) tracks duplicates the same way', () => {
    const classify = createRowClassifier({ columns: HEAD, keys: mapHeader(HEAD).keys }, { now: NOW });
    expect(classify(withDomain('gamma').split(','), 1, 2).outcome.ok).toBe(true);
    expect(verdictOf(classify(withEmail('gamma', 'x').split(','), 2, 3))).toMatchObject({ status: 'invalid', code: 'invalid_email' });
    expect(verdictOf(classify(withDomain('Gamma').split(','), 3, 4))).toMatchObject({ status: 'skipped', code: 'duplicate_domain', field: 'domain' });
  });
});

function result(row: number, line: number, status: RowResult['status'], extra: Partial<RowResult> = {}): RowResult {
  return { row, line, status, ...extra };
}

async function written(columns: string[], rows: ResultsCsvRow[], kind: 'results' | 'failed', language: 'en' | 'ja' = 'en', omitColumns?: number[]) {
  const bytes = await collectBytes(writeResultsCsv(columns, rows, { kind, language, ...(omitColumns ? { omitColumns } : {}) }));
  return { bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

describe('§5 results file: UTF-8 BOM, CRLF, original columns then the pc_* columns, escaping', () => {
  const columns = ['CRM id', ...HEAD, '', 'Notes'];
  const cells = (crm: string, notes: string, domain = 'alpha') => [crm, ...withDomain(domain).split(','), '', notes];
  const rows: ResultsCsvRow[] = [
    { cells: cells('=cmd|calc', 'a,b "c"\nd'), result: result(1, 2, 'created', { customerId: 'c-1', adminUser: 'admin@alpha.onmicrosoft.com', orders: ['o-1', 'o-2'] }) },
    { cells: cells('+1', '-x', 'beta'), result: result(2, 4, 'invalid', { errorCode: 'invalid_email', errorField: 'contact_email', error: { en: 'Fix the email.', ja: 'メールを直してください。' } }) },
    { cells: cells('@sum', '\tT', 'gamma'), result: result(3, 5, 'exists', { relationshipUrl: 'https://example.test/rel?x=1', errorCode: 'domain_taken' }) },
    { cells: cells('\rR', 'ok', 'delta'), result: result(4, 6, 'failed', { errorCode: 'upstream_error', error: { en: '=Try again later.', ja: '後でもう一度お試しください。' } }) },
  ];

  it('starts with the UTF-8 BOM, every line ends in CRLF, the header is original columns + pc_*', async () => {
    const { bytes, text } = await written(columns, rows, 'results');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const headerLine = text.slice(1, text.indexOf('\r\n'));
    expect(headerLine).toBe([...columns.map((name, index) => (name === '' ? `column_${index + 1}` : name)), ...RESULT_COLUMNS].map((n) => (n.includes(' ') ? n : n)).join(','));
    expect(RESULT_COLUMNS).toEqual(['pc_row', 'pc_line', 'pc_status', 'pc_customer_id', 'pc_admin_user', 'pc_orders', 'pc_relationship_url', 'pc_error_code', 'pc_error_field', 'pc_error', 'pc_note']);
    // No bare LF or CR outside quoted cells: strip quoted cells, then every line end is CRLF.
    const outside = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('escapes formula injection: = + - @ tab CR get a leading apostrophe, in original cells and messages', async () => {
    const { text } = await written(columns, rows, 'results');
    expect(text).toContain("'=cmd|calc");
    expect(text).toContain("'+1");
    expect(text).toContain("'-x");
    expect(text).toContain("'@sum");
    expect(text).toContain("'\tT");
    expect(text).toContain("'\rR");
    expect(text).toContain("'=Try again later.");
  });

  it('reads back (through the reader) to the same original cells and the pc_* values, one line per row in input order', async () => {
    const { bytes } = await written(columns, rows, 'results');
    const file = await readCsv(bytes);
    expect(file.encoding).toBe('utf-8');
    expect(file.rows).toHaveLength(4);
    // A CR inside a quoted cell is kept as written (§1).
    expect(file.rows.map((row) => row.cells.slice(0, columns.length))).toEqual(rows.map((row) => row.cells));
    const at = (name: string) => file.columns.indexOf(name);
    expect(file.rows.map((row) => [row.cells[at('pc_row')], row.cells[at('pc_line')], row.cells[at('pc_status')]])).toEqual([
      ['1', '2', 'created'],
      ['2', '4', 'invalid'],
      ['3', '5', 'exists'],
      ['4', '6', 'failed'],
    ]);
    expect(file.rows[0]!.cells[at('pc_orders')]).toBe('o-1;o-2');
    expect(file.rows[0]!.cells[at('pc_admin_user')]).toBe('admin@alpha.onmicrosoft.com');
    expect(file.rows[2]!.cells[at('pc_relationship_url')]).toBe('https://example.test/rel?x=1');
    expect(file.rows[1]!.cells[at('pc_error_field')]).toBe('contact_email');
  });

  it('echoes a line break inside a quoted cell as written: CR stays CR, CRLF stays CRLF, LF stays LF', async () => {
    const file = `Notes,${HEAD.join(',')}\r\n"one\rtwo",${withDomain('alpha')}\r\n"three\r\nfour",${withDomain('beta')}\r\n"five\nsix",${withDomain('gamma')}\r\n`;
    const read = await readCsv(file);
    expect(read.rows.map((row) => row.cells[0])).toEqual(['one\rtwo', 'three\r\nfour', 'five\nsix']);
    expect(read.rows.map((row) => row.line)).toEqual([2, 4, 6]);
    const { text } = await written(read.columns, read.rows.map((row) => ({ cells: row.cells, result: result(row.row, row.line, 'ready') })), 'results');
    expect(text).toContain('"one\rtwo"');
    expect(text).toContain('"three\r\nfour"');
    expect(text).toContain('"five\nsix"');
  });

  it('pc_error is in the chosen language', async () => {
    expect((await written(columns, rows, 'results', 'ja')).text).toContain('メールを直してください。');
    expect((await written(columns, rows, 'results', 'en')).text).toContain('Fix the email.');
  });

  it('an empty-header column that was all empty can be left out (omitColumns)', async () => {
    const { text } = await written(columns, rows, 'results', 'en', [columns.length - 2]);
    expect(text.slice(1, text.indexOf('\r\n'))).not.toContain('column_');
  });
});

describe('§5 failed-rows file: invalid and failed rows only, original columns + pc_error_field, pc_error', () => {
  it('holds exactly the invalid and failed rows and re-imports as it is', async () => {
    const columns = ['CRM id', ...HEAD];
    const rows: ResultsCsvRow[] = [
      { cells: ['A', ...withDomain('alpha').split(',')], result: result(1, 2, 'created') },
      { cells: ['=B', ...withEmail('beta', 'bad').split(',')], result: result(2, 3, 'invalid', { errorCode: 'invalid_email', errorField: 'contact_email', error: { en: 'Fix it.', ja: '直してください。' } }) },
      { cells: ['C', ...withDomain('gamma').split(',')], result: result(3, 4, 'skipped', { errorCode: 'duplicate_domain' }) },
      { cells: ['D', ...withDomain('delta').split(',')], result: result(4, 5, 'failed', { errorCode: 'rate_limited', error: { en: 'Retry later.', ja: '後で再試行してください。' } }) },
      { cells: ['E', ...withDomain('eps').split(',')], result: result(5, 6, 'ready') },
    ];
    expect(FAILED_ROW_COLUMNS).toEqual(['pc_error_field', 'pc_error']);
    const { bytes, text } = await written(columns, rows, 'failed');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.slice(1, text.indexOf('\r\n'))).toBe([...columns, 'pc_error_field', 'pc_error'].join(','));
    const file = await readCsv(bytes);
    expect(file.rows.map((row) => row.cells.slice(0, columns.length))).toEqual([rows[1]!.cells, rows[3]!.cells]);
    expect(file.rows.map((row) => row.cells.slice(columns.length))).toEqual([
      ['contact_email', 'Fix it.'],
      ['', 'Retry later.'],
    ]);
    // Re-imported as it is: pc_* ignored, the formula-escaped CRM id read back as typed, the data re-validated.
    expect(file.keys.slice(columns.length)).toEqual([null, null]);
    expect(file.rows[0]!.cells[0]).toBe('=B');
    expect(verdictOf(file.rows[0]!)).toMatchObject({ status: 'invalid', code: 'invalid_email' });
    expect(file.rows[1]!.outcome.ok).toBe(true);
  });
});
