import { describe, expect, it } from 'vitest';
import { oneRowCsv, readCsv, readCsvError, BASE_JP, BASE_US } from './conformance-support.ts';
import { cp932, utf16, utf8, windows1252 } from '../support/csv/encode-bytes.ts';

// docs/contracts/csv.md §1: bytes → text.

const JP_FILE = '会社名,ドメイン,国/地域,住所 1,市区町村,都道府県,郵便番号,名,姓,メールアドレス\r\n'
  + '株式会社コントソ,contosojp,日本,千代田1-1,千代田区,東京都,100-0001,花子,山田,hanako@contoso.example\r\n';
const EU_FILE = 'company_name;domain;country;address_line1;city;postal_code;contact_first_name;contact_last_name;contact_email\r\n'
  + 'Société Générale Café;socgen;FR;12 rue de la Paix;Besançon;25000;Zoë;Müller;zoe@contoso.example\r\n';

describe('§1 encoding detection, in order: BOM, UTF-16 by NUL pattern, UTF-8, CP932 vs Windows-1252', () => {
  const cases: [string, Uint8Array, string][] = [
    ['UTF-8 with BOM', utf8(JP_FILE, true), 'utf-8'],
    ['UTF-8 without BOM', utf8(JP_FILE), 'utf-8'],
    ['UTF-16 LE with BOM', utf16(JP_FILE, true, true), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(JP_FILE, false, true), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16(JP_FILE, true, false), 'utf-16le'],
    ['UTF-16 BE without BOM', utf16(JP_FILE, false, false), 'utf-16be'],
    ['CP932 (Excel on Japanese Windows)', cp932(JP_FILE), 'shift_jis'],
  ];
  it.each(cases)('%s: decoded without mojibake', async (_, bytes, encoding) => {
    const file = await readCsv(bytes);
    expect(file.encoding).toBe(encoding);
    expect(file.columns[0]).toBe('会社名');
    expect(file.keys.slice(0, 3)).toEqual(['company_name', 'domain', 'country']);
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0]!.cells[0]).toBe('株式会社コントソ');
    expect(file.rows[0]!.outcome.ok).toBe(true);
  });

  it('Windows-1252 (Excel in Western Europe): accented letters decoded', async () => {
    const file = await readCsv(windows1252(EU_FILE));
    expect(file.encoding).toBe('windows-1252');
    expect(file.rows[0]!.cells[0]).toBe('Société Générale Café');
    expect(file.rows[0]!.cells[4]).toBe('Besançon');
    expect(file.rows[0]!.outcome.ok).toBe(true);
  });

  // Short Western files whose accented letters also decode as half-width katakana or CP932 lead bytes.
  const WESTERN_ROWS = [
    ['Müller GmbH', 'DE', 'Königstraße 5', 'München', '80331', 'Jürgen', 'Müller'],
    ['Über AG', 'DE', 'Straße 1', 'Köln', '50667', 'Ä', 'Ö'],
    ['Öl & Gas', 'DE', 'Ölweg 2', 'Essen', '45127', 'Björn', 'Hö'],
    ['Café €uro', 'FR', '12 rue de l’Église', 'Orléans', '45000', 'Zoë', 'Noël'],
    ['Niño SA', 'ES', 'Calle Añil 3', 'Málaga', '29001', 'José', 'Núñez'],
    ['Ærø ApS', 'DK', 'Søgade 1', 'Århus', '8000', 'Søren', 'Ødegård'],
    ['São João Lda', 'PT', 'Rua Ação 1', 'Évora', '7000-001', 'Conceição', 'Simões'],
  ];
  it.each(WESTERN_ROWS)('Windows-1252 %j is not taken for CP932', async (company, country, street, city, postal, first, last) => {
    const text = 'company_name;domain;country;address_line1;city;postal_code;contact_first_name;contact_last_name;contact_email\r\n'
      + `${company};westco;${country};${street};${city};${postal};${first};${last};w@contoso.example\r\n`;
    const file = await readCsv(windows1252(text));
    expect(file.encoding).toBe('windows-1252');
    expect(file.rows[0]!.cells.slice(0, 5)).toEqual([company, 'westco', country, street, city]);
  });

  const JAPANESE_ROWS = [
    ['ｶ)ｺﾝﾄｿ', 'ｺﾝﾄｿ ﾀﾛｳ'],
    ['株式会社ソニー', '太郎'],
    ['ＡＢＣ商事', '花子'],
    ['ｱｲｳ', 'ｴｵ'],
  ];
  it.each([['NTTドコモ'], ['KDDI株式会社'], ['Yahoo!ジャパン'], ['ABCｶﾝﾊﾟﾆｰ']])('CP932 %j (Japanese glued to ASCII) under an English header is still CP932', async (company) => {
    const text = `${Object.keys(BASE_US).join(',')}\r\n${(Object.values(BASE_US) as string[]).join(',').replace('Contoso', company)}\r\n`;
    const file = await readCsv(cp932(text));
    expect(file.encoding).toBe('shift_jis');
    expect(file.rows[0]!.cells[0]).toBe(company);
  });

  it.each(JAPANESE_ROWS)('CP932 %j (incl. half-width katakana) is not taken for Windows-1252', async (company, first) => {
    const text = `会社名,ドメイン,国,住所,市区町村,都道府県,郵便番号,名,姓,メールアドレス\r\n${company},jpco,JP,港区1,港区,東京都,1000001,${first},表,t@contoso.example\r\n`;
    const file = await readCsv(cp932(text));
    expect(file.encoding).toBe('shift_jis');
    expect(file.rows[0]!.cells[0]).toBe(company);
  });

  it('Excel "Unicode Text" (UTF-16 LE with BOM, tab-separated, CRLF) is read', async () => {
    const file = await readCsv(utf16(JP_FILE.replaceAll(',', '\t'), true, true));
    expect(file.encoding).toBe('utf-16le');
    expect(file.delimiter).toBe('\t');
    expect(file.rows[0]!.outcome.ok).toBe(true);
  });

  it('a UTF-8 BOM is not part of the first header name', async () => {
    const file = await readCsv(utf8(oneRowCsv({}), true));
    expect(file.columns[0]).toBe('company_name');
    expect(file.keys[0]).toBe('company_name');
  });

  it('the encoding can be overridden (CLI --encoding, extension drop-down)', async () => {
    // Windows-1252 bytes that also happen to be valid CP932 would be misread; the override wins.
    const file = await readCsv(windows1252(EU_FILE), { encoding: 'windows-1252' });
    expect(file.rows[0]!.cells[0]).toBe('Société Générale Café');
    const jp = await readCsv(cp932(JP_FILE), { encoding: 'shift_jis' });
    expect(jp.rows[0]!.cells[0]).toBe('株式会社コントソ');
  });

  it('bytes that fit no encoding are a file-level error, never mojibake', async () => {
    const garbage = new Uint8Array(400);
    for (let index = 0; index < garbage.length; index++) garbage[index] = (index * 137 + 61) % 256 | 0x80;
    garbage.set(utf8('company_name,domain\r\n'), 0);
    const error = await readCsvError(garbage);
    expect(['undecodable', 'not_text', 'no_header', 'missing_column']).toContain(error.reason);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('bytes that are neither UTF-8, CP932 nor Windows-1252 → undecodable, with a sentence saying what to do', async () => {
    const bytes = new Uint8Array([...utf8(oneRowCsv({}).trimEnd()), 0x81, 0x20, 0x0d, 0x0a]);
    const error = await readCsvError(bytes);
    expect(error.reason).toBe('undecodable');
    expect(error.localized.en).toMatch(/UTF-8/);
    expect(error.localized.ja).toMatch(/UTF-8/);
  });

  it('undecodable bytes far into a long file still refuse it (never mojibake rows)', async () => {
    const rows = Array.from({ length: 3000 }, (_, index) => (Object.values(BASE_US) as string[]).join(',').replace('contoso', `c${index}`)).join('\r\n');
    const bytes = new Uint8Array([...utf8(`${Object.keys(BASE_US).join(',')}\r\n${rows}\r\n`), 0x81, 0x20, 0x0d, 0x0a]);
    const error = await readCsvError(bytes);
    expect(error.reason).toBe('undecodable');
  });

  it.each([
    ['Windows-1252', windows1252, 'Müller GmbH'],
    ['CP932', cp932, '株式会社ソニー'],
  ] as const)('a %s file whose first 64 KB are plain ASCII is still decoded (its first accented row comes late)', async (_, encode, company) => {
    const ascii = Array.from({ length: 1200 }, (_, index) => (Object.values(BASE_US) as string[]).join(',').replace('contoso', `c${index}`)).join('\r\n');
    const last = (Object.values(BASE_US) as string[]).join(',').replace('Contoso', company).replace('contoso', 'lastrow');
    const file = await readCsv(encode(`${Object.keys(BASE_US).join(',')}\r\n${ascii}\r\n${last}\r\n`));
    expect(file.rows).toHaveLength(1201);
    expect(file.rows.at(-1)!.cells[0]).toBe(company);
    expect(file.rows.at(-1)!.outcome.ok).toBe(true);
  });

  it('binary input (NUL bytes, not UTF-16) is refused as a file', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0, 0, 0, 0xff, 0xfe, 0, 1, 2, 3, 4, 5, 6, 7, 0, 0]);
    const error = await readCsvError(bytes);
    expect(['undecodable', 'not_text', 'empty_file', 'no_header']).toContain(error.reason);
  });
});

describe('§1 delimiter: comma, semicolon or tab; most recognised names wins, then most columns', () => {
  const header = Object.keys(BASE_US);
  const values = Object.values(BASE_US) as string[];
  it.each([
    [',', ','],
    [';', ';'],
    ['\t', '\t'],
  ])('delimiter %j', async (delimiter) => {
    const file = await readCsv(`${header.join(delimiter)}\r\n${values.join(delimiter)}\r\n`);
    expect(file.delimiter).toBe(delimiter);
    expect(file.rows[0]!.outcome.ok).toBe(true);
  });

  it('a semicolon file whose header names contain commas picks the semicolon', async () => {
    const text = 'Company name;Domain;Country;Address;City;State;ZIP;First name;Last name;Email;Notes, misc, more, commas\n'
      + 'Contoso;contoso;US;1 Main St;Redmond;WA;98052;Ana;Diaz;ana@contoso.example;x\n';
    const file = await readCsv(text);
    expect(file.delimiter).toBe(';');
    expect(file.rows[0]!.outcome.ok).toBe(true);
  });

  it('a comma file with semicolons inside a header name picks the comma (more recognised names)', async () => {
    const text = 'company_name,domain,country,address_line1,city,state,postal_code,contact_first_name,contact_last_name,contact_email,notes; misc; more\n'
      + 'Contoso,contoso,US,1 Main St,Redmond,WA,98052,Ana,Diaz,ana@contoso.example,x\n';
    const file = await readCsv(text);
    expect(file.delimiter).toBe(',');
  });

  it('a delimiter inside quotes in the header does not count', async () => {
    const text = '"company_name;domain;x";company_name;domain;country;address_line1;city;state;postal_code;contact_first_name;contact_last_name;contact_email\n'
      + 'a;Contoso;contoso;US;1 Main St;Redmond;WA;98052;Ana;Diaz;ana@contoso.example\n';
    const file = await readCsv(text);
    expect(file.delimiter).toBe(';');
    expect(file.rows[0]!.outcome.ok).toBe(true);
  });
});

describe('§1 RFC 4180 quoting and line ends', () => {
  const head = Object.keys(BASE_US).join(',') + ',note';
  const row = (note: string) => (Object.values(BASE_US) as string[]).join(',') + ',' + note;

  it('quoted cells hold delimiters, doubled quotes and line breaks', async () => {
    const file = await readCsv(`${head}\r\n${row('"a, b; c\t""q""\r\nnext"')}\r\n`);
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0]!.cells[10]).toMatch(/^a, b; c\t"q"(\r\n|\n)next$/);
  });

  it('CRLF, LF and CR are each one line end (line numbers prove it)', async () => {
    const text = `${head}\r\n${row('a')}\n${row('b')}\r${row('c')}\r\n`;
    const file = await readCsv(text);
    expect(file.rows.map((r) => [r.row, r.line, r.cells[10]])).toEqual([
      [1, 2, 'a'],
      [2, 3, 'b'],
      [3, 4, 'c'],
    ]);
  });

  it('a line break inside quotes starts a new physical line (Alt+Enter LF in a CRLF file)', async () => {
    const text = `${head}\r\n${row('"x\ny"')}\r\n${row('"p\r\nq\rr"')}\r\n${row('z')}\r\n`;
    const file = await readCsv(text);
    expect(file.rows.map((r) => r.line)).toEqual([2, 4, 7]);
  });

  it('the final line end closes the last line; no extra row, no extra blank', async () => {
    for (const end of ['\r\n', '\n', '\r', '']) {
      const file = await readCsv(`${head}${end}${row('a')}${end}`.replace(/^(.*?)$/s, (s) => (end === '' ? `${head}\n${row('a')}` : s)));
      expect(file.rows, JSON.stringify(end)).toHaveLength(1);
      expect(file.blankLines, JSON.stringify(end)).toBe(0);
    }
  });
});

describe('§1 a CP932 file with Japanese headers and prefecture (Excel JP round trip)', () => {
  it('stores the Japanese prefecture name', async () => {
    const file = await readCsv(cp932(JP_FILE));
    const outcome = file.rows[0]!.outcome;
    expect(outcome.ok && outcome.record.state).toBe('東京都');
    expect(outcome.ok && outcome.record.country).toBe('JP');
    expect(BASE_JP.country).toBe('JP');
  });
});
