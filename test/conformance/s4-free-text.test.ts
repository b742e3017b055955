import { describe, expect, it } from 'vitest';
import type { CanonicalKey } from '../../shared/customer/canonical-keys.ts';
import { BASE_JP, BASE_US, csvCell, looksLikeSentence, readCsv, recordOf, verdictOf } from './conformance-support.ts';
import { cp932, utf8, windows1252 } from '../support/csv/encode-bytes.ts';

// docs/contracts/csv.md §4: free text is checked in NFKC but sent and filled as written (trimmed); in a
// CP932 or Windows-1252 file a `?` between two letters of a free-text cell is a lost character.

/** A file with one accented row (so the detector settles on the legacy encoding) and the row under test. */
function fileOf(rows: Partial<Record<CanonicalKey, string>>[]): string {
  const keys = Object.keys(rows[0]!) as CanonicalKey[];
  return [keys.join(','), ...rows.map((row) => keys.map((key) => csvCell(row[key] ?? '')).join(','))].join('\r\n') + '\r\n';
}

describe('§4 free text is sent and filled as written', () => {
  it('株式会社ＨＸ７ stays 株式会社ＨＸ７ (full-width kept), trimmed of spaces incl. U+3000', async () => {
    const record = await recordOf({ company_name: '\u3000株式会社ＨＸ７ ' }, BASE_JP);
    expect(record.company_name).toBe('株式会社ＨＸ７');
  });

  it.each([
    ['contact_first_name', 'ﾀﾛｳ'],
    ['contact_last_name', 'Ｙａｍａｄａ'],
    ['address_line1', '丸の内１－１－１'],
    ['address_line2', 'ＡＢＣビル　５Ｆ'],
    ['city', 'Ｃｈｉｙｏｄａ'],
  ] as const)('%s %j is kept as typed', async (field, value) => {
    expect((await recordOf({ [field]: value }, BASE_JP))[field]).toBe(value);
  });

  it('fields with a format are still stored normalised (domain, postal code)', async () => {
    expect(await recordOf({ domain: 'ＨＸ７', postal_code: '１００－０００５' }, BASE_JP)).toMatchObject({ domain: 'hx7', postal_code: '100-0005' });
  });

  it('the length limits apply to the checked (NFKC) form', async () => {
    // U+33CF "㏏" is one character that NFKC turns into two ("kt").
    const v = verdictOf((await readCsv(fileOf([{ ...BASE_US, contact_first_name: '㏏'.repeat(26) }]))).rows[0]!);
    expect(v).toMatchObject({ status: 'invalid', code: 'too_long', field: 'contact_first_name' });
  });
});

describe('§4 a "?" that Excel wrote for a character its CSV format could not hold', () => {
  const accented = { ...BASE_US, domain: 'accented', company_name: 'Société Générale' };
  const japanese = { ...BASE_US, domain: 'japanese', company_name: '株式会社さくら' };
  const encodings = {
    'Windows-1252': { encode: windows1252, first: accented },
    CP932: { encode: cp932, first: japanese },
  } as const;

  it.each([
    ['Windows-1252', 'contact_last_name', 'M?ller'],
    ['Windows-1252', 'city', 'S?o Paulo'],
    ['Windows-1252', 'company_name', 'Dvo?ák s.r.o.'],
    ['Windows-1252', 'address_line1', 'Ul. W?odzka 5'],
    ['CP932', 'company_name', '株式会社?田'],
    ['CP932', 'contact_first_name', 'ア?ル'],
  ] as const)('%s file: %s %j is invalid on that field with the hint to save as "CSV UTF-8" (EN and JA)', async (name, field, value) => {
    const { encode, first } = encodings[name];
    const file = await readCsv(encode(fileOf([first, { ...BASE_US, [field]: value }])));
    expect(file.encoding).toBe(name === 'CP932' ? 'shift_jis' : 'windows-1252');
    const v = verdictOf(file.rows[1]!);
    expect(v).toMatchObject({ status: 'invalid', code: 'lost_character', field });
    expect(v.en).toContain('CSV UTF-8');
    expect(v.ja).toContain('CSV UTF-8');
    expect(looksLikeSentence(v.en, 'en')).toBe(true);
    expect(looksLikeSentence(v.ja, 'ja')).toBe(true);
  });

  it.each([
    ['not between two letters', 'address_line1', 'Suite 5? ask at the desk'],
    ['next to a digit', 'address_line1', '12?B Main St'],
    ['in a field with a format (email)', 'contact_email', 'ana@contoso.example'],
  ] as const)('a "?" %s is kept', async (_label, field, value) => {
    const file = await readCsv(windows1252(fileOf([accented, { ...BASE_US, [field]: value }])));
    expect(file.rows[1]!.outcome.ok).toBe(true);
  });

  it('the same "?" in a UTF-8 file was typed: the row is valid and keeps it', async () => {
    const file = await readCsv(utf8(fileOf([accented, { ...BASE_US, contact_last_name: 'M?ller' }])));
    expect(file.encoding).toBe('utf-8');
    expect(file.rows[1]!.outcome).toMatchObject({ ok: true, record: { contact_last_name: 'M?ller' } });
  });

  it('an encoding chosen by override counts the same as a detected one', async () => {
    const file = await readCsv(windows1252(fileOf([{ ...BASE_US, contact_last_name: 'M?ller' }])), { encoding: 'cp1252' });
    expect(verdictOf(file.rows[0]!)).toMatchObject({ status: 'invalid', code: 'lost_character', field: 'contact_last_name' });
  });
});
