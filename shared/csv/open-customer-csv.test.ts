import { describe, expect, it } from 'vitest';
import { chunked, csvFixtureStream, textSource } from '../../test/support/byte-sources.ts';
import { isCsvFileError, type CsvFileError } from './csv-file-error.ts';
import type { CsvRow } from './csv-row.ts';
import { openCustomerCsv, type OpenCustomerCsvOptions } from './open-customer-csv.ts';

// 2026-11-25 12:00 UTC: "today in UTC+14" is 2026-11-26.
const NOW = new Date('2026-11-25T12:00:00Z');

async function readAll(source: AsyncIterable<Uint8Array>, options: OpenCustomerCsvOptions = {}) {
  const csv = await openCustomerCsv(source, { now: NOW, ...options });
  const rows: CsvRow[] = [];
  for await (const row of csv.rows()) rows.push(row);
  return { header: csv.header, rows, blankLines: csv.blankLines };
}

async function fileError(source: AsyncIterable<Uint8Array>, options: OpenCustomerCsvOptions = {}): Promise<CsvFileError> {
  try {
    await readAll(source, options);
  } catch (error) {
    if (isCsvFileError(error)) return error;
    throw error;
  }
  throw new Error('expected a CsvFileError');
}

const HEAD = 'company_name,domain,country,address_line1,city,state,postal_code,contact_first_name,contact_last_name,contact_email';
const US = 'WA,98052,Ana,Diaz,ana@contoso.example';

describe('openCustomerCsv on the validation-rules fixture', () => {
  it('should give every row its expected status, error_code and error_field', async () => {
    const { header, rows } = await readAll(csvFixtureStream('validation-rules.csv'));
    const column = (name: string) => header.columns.indexOf(name);
    expect(rows.length).toBeGreaterThan(60);
    for (const row of rows) {
      const expected = {
        status: row.cells[column('expected_status')],
        code: row.cells[column('expected_code')],
        field: row.cells[column('expected_field')],
        note: row.cells[column('note')],
      };
      const actual = row.outcome.ok
        ? { status: 'ok', code: '', field: '', note: expected.note }
        : { status: row.outcome.status, code: row.outcome.problem.code, field: row.outcome.problem.field ?? '', note: expected.note };
      expect(actual, `row ${row.row} (line ${row.line}): ${expected.note}`).toEqual(expected);
    }
  });

  it('should name the earlier row in a duplicate-domain message, in English and Japanese', async () => {
    const { rows } = await readAll(csvFixtureStream('validation-rules.csv'));
    const skipped = rows.find((row) => !row.outcome.ok && row.outcome.status === 'skipped');
    expect(skipped?.outcome.ok).toBe(false);
    if (skipped && !skipped.outcome.ok) {
      expect(skipped.outcome.problem.message.en).toContain('row 1 ');
      expect(skipped.outcome.problem.message.ja).toContain('1 行目');
    }
  });

  it('should keep unknown columns mapped to null', async () => {
    const { header } = await readAll(csvFixtureStream('validation-rules.csv'));
    expect(header.keys[header.columns.indexOf('note')]).toBeNull();
    expect(header.keys[0]).toBe('company_name');
    expect(header).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
  });
});

describe('openCustomerCsv encodings', () => {
  it('should read CP932 with Japanese headers', async () => {
    const { header, rows } = await readAll(csvFixtureStream('cp932-japanese-headers.csv'));
    expect(header.encoding).toBe('shift_jis');
    expect(header.keys.slice(0, 4)).toEqual(['company_name', 'domain', 'country', 'address_line1']);
    expect(header.keys[header.columns.indexOf('顧客管理番号')]).toBeNull();
    expect(header.keys.slice(-2)).toEqual(['mca_accepted', 'mca_date']);
    expect(rows.map((row) => row.cells[0])).toEqual(['株式会社さくら商事', '有限会社ふじ', '合同会社みなと']);
    const [first, second, third] = rows;
    expect(first?.outcome).toMatchObject({ ok: true, record: { state: '東京都', postal_code: '104-0061', contact_phone: '+81355550101' } });
    expect(second?.outcome).toMatchObject({ ok: true, record: { state: '大阪府', postal_code: '530-0001' } });
    expect(third?.outcome).toMatchObject({ ok: false, status: 'invalid', problem: { code: 'invalid_email', field: 'contact_email' } });
  });

  it.each(['utf16le-tab.csv', 'utf16be-tab.csv', 'utf16le-no-bom-tab.csv'])('should read %s as tab-separated UTF-16', async (name) => {
    const { header, rows } = await readAll(csvFixtureStream(name));
    expect(header.encoding).toBe(name.includes('be') ? 'utf-16be' : 'utf-16le');
    expect(header.delimiter).toBe('\t');
    expect(header.columns[0]).toBe('Company name');
    expect(rows.map((row) => row.outcome.ok)).toEqual([true, true]);
    expect(rows[0]?.cells[3]).toBe('500 "Main" St');
    expect(rows[1]?.outcome).toMatchObject({ record: { state: '愛知県', country: 'JP' } });
  });

  it('should read Windows-1252 with semicolons', async () => {
    const { header, rows } = await readAll(csvFixtureStream('windows-1252-semicolon.csv'));
    expect(header).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(rows.map((row) => row.cells[0])).toEqual(['Müller GmbH', 'Crème Brûlée SARL']);
    expect(rows.every((row) => row.outcome.ok)).toBe(true);
  });

  it('should honour an encoding override', async () => {
    const { header, rows } = await readAll(csvFixtureStream('windows-1252-semicolon.csv'), { encoding: 'cp1252' });
    expect(header.encoding).toBe('windows-1252');
    expect(rows[0]?.cells[6]).toBe('Jürgen');
  });

  it('should refuse bytes the chosen encoding cannot decode', async () => {
    const error = await fileError(csvFixtureStream('cp932-japanese-headers.csv'), { encoding: 'utf-8' });
    expect(error.reason).toBe('undecodable');
    expect(error.localized.ja).toContain('文字コード');
  });

  it('should refuse an unknown encoding name', async () => {
    const error = await fileError(textSource(`${HEAD}\n`), { encoding: 'ebcdic' });
    expect(error.reason).toBe('unknown_encoding');
    expect(error.localized.en).toBe('Unknown encoding "ebcdic". Use utf-8, utf-16le, utf-16be, shift_jis (CP932) or windows-1252.');
    expect(error.localized.ja).toContain('utf-8、utf-16le、utf-16be、shift_jis (CP932)、windows-1252');
  });

  it('should refuse binary data', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xff, 0x10, 0x00, 0x00, 0x01, 0x02]);
    expect((await fileError((async function* () { yield zip; })())).reason).toBe('not_text');
  });
});

describe('openCustomerCsv lines and rows', () => {
  it('should count CR, LF and CRLF as line ends, inside quotes too', async () => {
    const { rows } = await readAll(csvFixtureStream('quoted-newlines.csv', 5));
    expect(rows.map((row) => [row.row, row.line])).toEqual([[1, 2], [2, 5], [3, 6]]);
    // A line break inside a quoted cell is kept as written (docs/contracts/csv.md §1).
    expect(rows[0]?.cells.slice(0, 4)).toEqual(['Quoted\nCompany', 'quoted1', 'US', '1 Way\r\nSuite 2']);
    expect(rows[1]?.cells[3]).toBe('say "hi", friend');
    expect(rows[2]?.cells[3]).toBe('a\rb\n\nc');
    expect(rows.every((row) => row.outcome.ok)).toBe(true);
  });

  it('should not number blank rows but count them', async () => {
    const { rows, blankLines } = await readAll(csvFixtureStream('blank-rows.csv', 3));
    expect(rows.map((row) => [row.row, row.line, row.cells[0]])).toEqual([[1, 5, 'One'], [2, 8, 'Two']]);
    expect(blankLines).toBe(6);
  });

  it('should undo formula escaping once and keep the rest as data', async () => {
    const { header, rows } = await readAll(csvFixtureStream('formula-injection.csv'));
    expect(header.keys.at(-1)).toBeNull();
    expect(rows[0]?.cells[0]).toBe('=Evil Corp');
    expect(rows[0]?.cells[3]).toBe('+1 Way');
    expect(rows[0]?.cells.at(-1)).toBe('@SUM(A1)');
    expect(rows[1]?.cells[0]).toBe('=HYPERLINK("x")');
    expect(rows[1]?.cells[3]).toBe('-dash');
    expect(rows[1]?.cells.at(-1)).toBe("''=kept");
  });

  it('should detect semicolons and keep commas inside cells', async () => {
    const { header, rows } = await readAll(csvFixtureStream('semicolon.csv'));
    expect(header.delimiter).toBe(';');
    expect(rows[0]?.outcome).toMatchObject({ ok: true, record: { company_name: 'Contoso, Ltd', offers: [{ quantity: 2 }] } });
    expect(rows[1]?.outcome).toMatchObject({ ok: true, record: { company_name: 'Semi;colon Inc', postal_code: '98052-6399' } });
  });

  it('should give the same rows whatever the chunk sizes', async () => {
    const text = `\uFEFF${HEAD}\r\n"A\r\nB",split1,US,"x,y",Redmond,${US}\r\r\nC,split2,US,1 Way,Redmond,${US}\n`;
    const whole = await readAll(textSource(text));
    for (const sizes of [[1], [2, 3], [7], [1, 64]]) {
      const parts = await readAll(textSource(text, sizes));
      expect(parts.rows.map((row) => [row.line, row.cells])).toEqual(whole.rows.map((row) => [row.line, row.cells]));
      expect(parts.blankLines).toBe(whole.blankLines);
    }
    expect(whole.rows.map((row) => row.line)).toEqual([2, 5]);
    expect(whole.blankLines).toBe(1);
  });

  it('should read a chunk far longer than one parse slice like the same text in small chunks', async () => {
    // Over 100 000 characters in one chunk: the reader parses it in slices, so surrogate pairs
    // (😀), multi-line quoted cells and CRLFs fall across slice ends somewhere in it.
    const lines = [HEAD];
    for (let index = 0; index < 1500; index++) {
      const name = index % 3 === 0 ? `"Emoji 😀 ${index}\r\nCo"` : `Name😀${'x'.repeat(index % 29)} ${index}`;
      lines.push(`${name},big${index},US,1 Way,Redmond,${US}`);
    }
    const text = `${lines.join('\r\n')}\r\n`;
    expect(text.length).toBeGreaterThan(100_000);
    const whole = await readAll(textSource(text));
    const small = await readAll(textSource(text, [4096]));
    expect(whole.rows.length).toBe(1500);
    expect(whole.rows.map((row) => [row.row, row.line, row.cells])).toEqual(small.rows.map((row) => [row.row, row.line, row.cells]));
    expect(whole.rows[1499]?.line).toBe(2 + 1499 + 500);
    expect(whole.rows[0]?.cells[0]).toBe('Emoji 😀 0\r\nCo');
    expect(whole.rows.every((row) => row.outcome.ok)).toBe(true);
  });

  it('should read a file of over 1 MB in one chunk (as the side panel reads it) whose rows start with a quoted cell holding a comma', async () => {
    // Read with ; or a tab, the quote of "Contoso, Ltd" never closes: that delimiter has no first
    // line, which must not refuse the file as one unclosed quote (the header is read with commas).
    const lines = [HEAD];
    for (let index = 0; index < 16_000; index++) lines.push(`"Contoso, Ltd ${index}",one${index},US,1 Way,Redmond,${US}`);
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const { header, rows } = await readAll(textSource(text));
    expect(header.delimiter).toBe(',');
    expect(rows).toHaveLength(16_000);
    expect(rows.every((row) => row.outcome.ok)).toBe(true);
  });

  it('should accept a header-only file with zero rows', async () => {
    const { rows } = await readAll(textSource(`${HEAD}\r\n`));
    expect(rows).toEqual([]);
  });

  it('should treat missing cells as empty', async () => {
    const { rows } = await readAll(textSource(`${HEAD}\nShort,short1,US\n`));
    expect(rows[0]?.outcome).toMatchObject({ ok: false, problem: { code: 'required', field: 'address_line1' } });
  });

  it('should use the caller’s mapping when keys are given', async () => {
    const text = `Firma,Dom,Land,Strasse,Ort,Staat,PLZ,Vorname,Nachname,Mail\nK,keys1,US,1 Way,Redmond,${US}\n`;
    const keys = ['company_name', 'domain', 'country', 'address_line1', 'city', 'state', 'postal_code', 'contact_first_name', 'contact_last_name', 'contact_email'] as const;
    const { header, rows } = await readAll(textSource(text), { keys: [...keys] });
    expect(header.keys).toEqual([...keys]);
    expect(rows[0]?.outcome.ok).toBe(true);
  });
});

describe('openCustomerCsv file errors', () => {
  it.each([
    ['0 bytes', ''],
    ['only blank lines', '\r\n,,,\r\n  \r\n'],
  ])('should refuse an empty file (%s)', async (_, text) => {
    expect((await fileError(textSource(text))).reason).toBe('empty_file');
  });

  it('should refuse a file whose first line has no known column', async () => {
    const error = await fileError(textSource('foo,bar\n1,2\n'));
    expect(error.reason).toBe('no_header');
  });

  it('should name a missing required column and suggest the closest header', async () => {
    const error = await fileError(textSource(HEAD.replace('contact_email', 'Emial adress') + '\n'));
    expect(error).toMatchObject({ reason: 'missing_column', columns: ['contact_email'], suggestion: 'Emial adress' });
    expect(error.message).toContain('contact_email');
    expect(error.message).toContain('Emial adress');
    expect(error.localized.ja).toContain('contact_email');
    expect(error.header?.keys.at(-1)).toBeNull();
    expect(error.header?.columns.at(-1)).toBe('Emial adress');
  });

  it('should name both headers of a column given twice', async () => {
    const error = await fileError(textSource(`${HEAD},メールアドレス\n`));
    expect(error.reason).toBe('duplicate_column');
    expect(error.columns).toEqual(['contact_email', 'メールアドレス']);
    expect(error.message).toContain('"メールアドレス" (column 11)');
  });

  it('should ignore pc_* result columns', async () => {
    const { header, rows } = await readAll(textSource(`${HEAD},pc_status,pc_error\nP,pcols,US,1 Way,Redmond,${US},invalid,old\n`));
    expect(header.keys.slice(-2)).toEqual([null, null]);
    expect(rows[0]?.outcome.ok).toBe(true);
  });
});

describe('openCustomerCsv on a file that is ASCII for its first 64 KB', () => {
  it('should detect the encoding again at the first non-ASCII byte, across chunk boundaries', async () => {
    const ascii = Array.from({ length: 1500 }, (_, index) => `A${index},late${index},US,1 Way,Redmond,${US}`).join('\r\n');
    const head = new TextEncoder().encode(`${HEAD}\r\n${ascii}\r\n`);
    // "Müller GmbH" in Windows-1252: ü is the single byte FC.
    const last = new Uint8Array([...new TextEncoder().encode('M'), 0xfc, ...new TextEncoder().encode(`ller GmbH,lastrow,US,1 Way,Redmond,${US}\r\n`)]);
    expect(head.length).toBeGreaterThan(80 * 1024);
    const bytes = new Uint8Array([...head, ...last]);
    const { rows } = await readAll(chunked(bytes, [4093]));
    expect(rows).toHaveLength(1501);
    expect(rows.at(-1)?.cells[0]).toBe('Müller GmbH');
    expect(rows.at(-1)?.outcome.ok).toBe(true);
  });
});

describe('openCustomerCsv on stray quotes', () => {
  it('should make a row with an undoubled quote in a quoted cell invalid, and read the rows around it', async () => {
    const text = `${HEAD}\r\nA,before1,US,1 Way,Redmond,${US}\r\n"Contoso" KK,stray1,US,"1 Way",Redmond,${US}\r\nB,after1,US,1 Way,Redmond,${US}\r\n`;
    const { rows } = await readAll(textSource(text, [9]));
    expect(rows[0]?.outcome.ok).toBe(true);
    expect(rows[1]).toMatchObject({ row: 2, line: 3, outcome: { ok: false, status: 'invalid', problem: { code: 'unbalanced_quotes' } } });
    expect(rows[1]?.outcome.ok === false && rows[1].outcome.problem.message.en).toContain('line 3');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({ row: 3, line: 4, outcome: { ok: true } });
    expect(rows[2]?.cells[1]).toBe('after1');
  });

  it('should make a last row whose quote never closes invalid', async () => {
    const { rows } = await readAll(textSource(`${HEAD}\nA,open1,US,"1 Way,Redmond,${US}\n`));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.outcome).toMatchObject({ ok: false, status: 'invalid', problem: { code: 'unbalanced_quotes' } });
  });
});

describe('openCustomerCsv on a quote that never closes', () => {
  it('should refuse the file instead of buffering it whole', async () => {
    const body = `${HEAD}\r\nA,open1,US,"1 Way,Redmond,${US}\r\n` + 'x,'.repeat(700_000);
    const error = await fileError(textSource(body, [65_536]));
    expect(error.reason).toBe('record_too_long');
    expect(error.message).toContain('line 2');
  });

  it('should refuse a header whose quote never closes', async () => {
    const error = await fileError(textSource(`"company_name,${'y'.repeat(1_200_000)}`, [65_536]));
    expect(error.reason).toBe('record_too_long');
  });
});
