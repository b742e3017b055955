import { describe, expect, it } from 'vitest';
import { BASE_US, readCsv, readCsvError, verdictOf } from './conformance-support.ts';

// docs/contracts/csv.md §2: rows.

const HEAD = Object.keys(BASE_US).join(',');
const ROW = (Object.values(BASE_US) as string[]).join(',');
const row = (domain: string) => ROW.replace(',contoso,', `,${domain},`);

describe('§2 header and blank lines', () => {
  it('the first non-blank line is the header; a line of empty cells (,,,) is blank', async () => {
    const file = await readCsv(`\r\n,,,\r\n \t,\u3000,\u00a0\r\n${HEAD}\r\n${row('a1')}\r\n`);
    expect(file.keys[0]).toBe('company_name');
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0]!.row).toBe(1);
    expect(file.rows[0]!.line).toBe(5);
    expect(file.blankLines).toBe(3);
  });

  it('a row of cells empty after trimming (incl. U+3000 and NBSP) is blank: no number, no row, counted', async () => {
    const text = `${HEAD}\r\n${row('a1')}\r\n,,,,,,,,,\r\n\r\n\u3000,\u00a0, , ,\t\r\n${row('a2')}\r\n`;
    const file = await readCsv(text);
    expect(file.rows.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 6],
    ]);
    expect(file.blankLines).toBe(3);
  });

  it('quoted empty cells ("","") are blank too', async () => {
    const file = await readCsv(`${HEAD}\r\n"",""," "\r\n${row('a1')}\r\n`);
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0]!.line).toBe(3);
    expect(file.blankLines).toBe(1);
  });

  it('the header is line 1 when the file starts with it; line counts physical lines incl. quoted breaks', async () => {
    const text = `${HEAD}\r\n${ROW.replace('1 Main St', '"1 Main St\r\nSuite 5"')}\r\n\r\n${row('a2')}\n${row('a3').replace('Redmond', '"Red\rmond"')}\r${row('a4')}`;
    const file = await readCsv(text);
    expect(file.rows.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 5],
      [3, 6],
      [4, 8],
    ]);
  });

  it('a file of only blank lines is an empty file error; 0 bytes too', async () => {
    expect((await readCsvError('\r\n,,,\r\n  \r\n')).reason).toBe('empty_file');
    expect((await readCsvError('')).reason).toBe('empty_file');
  });

  it('a BOM alone (UTF-8 or UTF-16) is an empty file', async () => {
    expect((await readCsvError(new Uint8Array([0xef, 0xbb, 0xbf]))).reason).toBe('empty_file');
    expect((await readCsvError(new Uint8Array([0xff, 0xfe]))).reason).toBe('empty_file');
    expect((await readCsvError(new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x2c, 0x2c, 0x0d, 0x0a]))).reason).toBe('empty_file');
  });

  it('a header without a line end, with a BOM, is a header-only file', async () => {
    const file = await readCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(HEAD)]));
    expect(file.rows).toEqual([]);
    expect(file.keys[0]).toBe('company_name');
  });

  it('a header-only file is not an error: 0 rows', async () => {
    const file = await readCsv(`${HEAD}\r\n`);
    expect(file.rows).toEqual([]);
    const withBlanks = await readCsv(`${HEAD}\r\n,,,\r\n\r\n`);
    expect(withBlanks.rows).toEqual([]);
    expect(withBlanks.blankLines).toBe(2);
  });
});

describe('§2 short and long rows', () => {
  it('fewer cells than the header: the missing cells are empty (a missing required value is `required`)', async () => {
    const file = await readCsv(`${HEAD},crm_id\r\n${ROW}\r\n${ROW.split(',').slice(0, 9).join(',').replace('contoso', 'short')}\r\n`);
    expect(file.rows[0]!.outcome.ok).toBe(true);
    expect(file.rows[0]!.cells).toHaveLength(11);
    expect(file.rows[0]!.cells[10]).toBe('');
    expect(verdictOf(file.rows[1]!)).toMatchObject({ status: 'invalid', code: 'required', field: 'contact_email' });
  });

  it('extra cells that are empty (or whitespace only) are ignored', async () => {
    const file = await readCsv(`${HEAD}\r\n${ROW},,  ,\u3000\r\n`);
    expect(file.rows[0]!.outcome.ok).toBe(true);
  });

  it('a non-empty extra cell makes the row invalid with extra_cells', async () => {
    const file = await readCsv(`${HEAD}\r\n${ROW},,surprise\r\n`);
    const v = verdictOf(file.rows[0]!);
    expect(v).toMatchObject({ status: 'invalid', code: 'extra_cells' });
    expect(v.en).toMatch(/\./);
    expect(v.ja).toBeTruthy();
  });
});

describe('§2 trimming and the original cells', () => {
  it('every cell is trimmed before validation (ASCII, U+3000, NBSP), the original cell is kept', async () => {
    const padded = ROW.replace('contoso', '\u3000 contoso\u00a0').replace('US', ' US\t');
    const file = await readCsv(`${HEAD}\r\n${padded}\r\n`);
    const r = file.rows[0]!;
    expect(r.outcome.ok && r.outcome.record.domain).toBe('contoso');
    expect(r.outcome.ok && r.outcome.record.country).toBe('US');
    expect(r.cells[1]).toBe('\u3000 contoso\u00a0');
    expect(r.cells[2]).toBe(' US\t');
  });
});

describe("§2 a leading ' before = + - @ is dropped when read (undoes §5 escaping)", () => {
  it.each([
    ["'=SUM(A1)", '=SUM(A1)'],
    ["'+81 3 1234 5678", '+81 3 1234 5678'],
    ["'-5", '-5'],
    ["'@home", '@home'],
    ["'abc", "'abc"],
    ["''=x", "''=x"], // starts with ' followed by ', not by = + - @
    ["'", "'"],
  ])('%j → %j', async (cell, expected) => {
    const file = await readCsv(`${HEAD},note\r\n${ROW},${cell}\r\n`);
    expect(file.rows[0]!.cells[10]).toBe(expected);
  });

  it('the unescaped value is the one validated', async () => {
    const file = await readCsv(`${HEAD},contact_phone\r\n${ROW},'+1 425 555 0100\r\n`);
    const r = file.rows[0]!;
    expect(r.outcome.ok && r.outcome.record.contact_phone).toBe('+14255550100');
  });
});
