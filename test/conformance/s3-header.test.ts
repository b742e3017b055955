import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../shared/csv/map-header.ts';
import type { CanonicalKey } from '../../shared/customer/canonical-keys.ts';
import { BASE_US, looksLikeSentence, readCsv, readCsvError } from './conformance-support.ts';

// docs/contracts/csv.md §3: header → columns. The alias table below is copied from the contract.

const ALIASES: [CanonicalKey, string, string[]][] = [
  ["company_name", "yes", ["Company name", "Organization name", "Company", "会社名", "組織名"]],
  ["domain", "yes", ["Domain", "Domain name", "Domain prefix", "ドメイン", "ドメイン名"]],
  ["country", "yes", ["Country/region", "Country", "国/地域", "国"]],
  ["address_line1", "yes", ["Address line 1", "Address 1", "Address", "Street", "住所 1", "住所"]],
  ["address_line2", "no", ["Address line 2", "Address 2", "住所 2"]],
  ["address_line3", "no", ["Address line 3", "Address 3", "住所 3"]],
  ["city", "yes", ["City", "Town", "市区町村", "市町村"]],
  ["state", "by country", ["State", "State/province", "Province", "Prefecture", "Region", "都道府県", "州"]],
  ["postal_code", "by country", ["Postal code", "ZIP", "ZIP code", "Postcode", "郵便番号"]],
  ["contact_first_name", "yes", ["First name", "Given name", "Primary contact first name", "名"]],
  ["contact_last_name", "yes", ["Last name", "Surname", "Family name", "Primary contact last name", "姓"]],
  ["contact_email", "yes", ["Email", "Email address", "E-mail", "Primary contact email", "メール アドレス", "メールアドレス"]],
  ["contact_phone", "by country", ["Phone", "Phone number", "Telephone", "電話番号", "電話"]],
  ["culture", "no", ["Culture", "Locale"]],
  ["language", "no", ["Language", "Email language", "言語"]],
  ["organization_registration_number", "by country", ["Organization registration number", "Organization registration ID", "Registration ID", "Registration number", "INN", "組織登録番号", "組織登録 ID"]],
  ["associated_partner_id", "no", ["Associated partner ID", "Indirect reseller", "Indirect reseller ID", "Reseller tenant ID", "間接リセラー"]],
  ["offers", "no", ["Offers", "Subscriptions", "Products", "サブスクリプション", "プラン"]],
  ["term", "no", ["Term", "Term duration", "期間"]],
  ["billing_cycle", "no", ["Billing cycle", "Billing frequency", "請求サイクル", "請求頻度"]],
  ["gdap_opt_in", "no", ["GDAP", "GDAP opt-in", "Opt-in", "Default GDAP opt-in", "オプトイン"]],
  ["mca_accepted", "no", ["MCA accepted", "Customer agreement accepted", "Customer has accepted the Microsoft Customer Agreement", "顧客契約同意", "お客様が Microsoft 顧客契約に同意済み"]],
  ["mca_date", "if mca_accepted", ["MCA date", "Agreement acceptance date", "Date of acceptance", "同意日"]],
  ["mca_first_name", "no", ["Signer first name", "MCA first name", "同意者 名"]],
  ["mca_last_name", "no", ["Signer last name", "MCA last name", "同意者 姓"]],
  ["mca_email", "no", ["Signer email", "MCA email", "同意者 メール アドレス"]],
  ["mca_phone", "no", ["Signer phone", "MCA phone", "同意者 電話番号"]],
];

describe('§3 every alias of the table maps to its canonical key', () => {
  const cases = ALIASES.flatMap(([key, , aliases]) => [key, ...aliases].map((alias) => [alias, key] as const));
  it.each(cases)('%j → %s', (alias, key) => {
    expect(mapHeader([alias]).keys).toEqual([key]);
  });

  const variants = (alias: string) => [
    alias.toUpperCase(),
    alias.toLowerCase(),
    ` ${alias} `,
    `${alias} (optional)`,
    `${alias}(省略可能)`,
    `${alias} （省略可能）`,
    alias.replaceAll(' ', '_'),
    alias.replaceAll(' ', '-'),
    alias.replaceAll(' ', '.'),
    alias.replaceAll(' ', '\u3000'),
    alias.replaceAll(' ', '\u00a0'),
    // full width letters (NFKC)
    alias.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  ];
  it.each(cases)('%j: case, spaces, _ - . / ( ) :, "(optional)", full width do not matter', (alias, key) => {
    for (const variant of variants(alias)) expect(mapHeader([variant]).keys, JSON.stringify(variant)).toEqual([key]);
  });

  it.each([
    ['Country/region'],
    ['Country Region'],
    ['country_region'],
    ['COUNTRY-REGION'],
    ['country.region'],
    ['Country (region)'],
    ['Country: region'],
    ['ＣＯＵＮＴＲＹ／ＲＥＧＩＯＮ'],
  ])('%j is one name: country', (name) => {
    expect(mapHeader([name]).keys).toEqual(['country']);
  });
});

it('a header cell with a line break inside (Excel Alt+Enter) still matches; the data row starts on line 3', async () => {
  const head = Object.keys(BASE_US).join(',').replace('company_name', '"Company\nname"');
  const file = await readCsv(`${head}\r\n${(Object.values(BASE_US) as string[]).join(',')}\r\n`);
  expect(file.keys[0]).toBe('company_name');
  expect(file.rows[0]!.line).toBe(3);
  expect(file.rows[0]!.outcome.ok).toBe(true);
});

describe('§3 pc_* columns, unknown columns, empty headers', () => {
  const HEAD = Object.keys(BASE_US);
  const VALUES = Object.values(BASE_US) as string[];

  it('columns whose header starts with pc_ are ignored on import, even pc_ + a known name', async () => {
    const mapping = mapHeader(['pc_status', 'PC_domain', 'pc_error', 'company_name']);
    expect(mapping.keys).toEqual([null, null, null, 'company_name']);
    const file = await readCsv(`${HEAD.join(',')},pc_row,pc_status,pc_domain\r\n${VALUES.join(',')},7,invalid,other\r\n`);
    expect(file.rows[0]!.outcome.ok && file.rows[0]!.outcome.record.domain).toBe('contoso');
  });

  it('unknown columns are kept untouched, duplicates of unknown names included', async () => {
    const file = await readCsv(`CRM id,${HEAD.join(',')},CRM id,Notes\r\n A-1 ,${VALUES.join(',')},A-2,"x, y"\r\n`);
    expect(file.columns[0]).toBe('CRM id');
    expect(file.columns[11]).toBe('CRM id');
    expect(file.keys[0]).toBeNull();
    expect(file.keys[11]).toBeNull();
    expect(file.rows[0]!.cells[0]).toBe(' A-1 ');
    expect(file.rows[0]!.cells[11]).toBe('A-2');
    expect(file.rows[0]!.cells[12]).toBe('x, y');
    expect(file.rows[0]!.outcome.ok).toBe(true);
  });

  it('a column with an empty header is ignored when all its cells are empty', async () => {
    const file = await readCsv(`${HEAD.join(',')},,note\r\n${VALUES.join(',')},,n1\r\n${VALUES.join(',').replace('contoso', 'b2')}, ,n2\r\n`);
    expect(file.emptyUnnamedColumns).toEqual([10]);
    expect(file.rows.every((r) => r.outcome.ok)).toBe(true);
  });

  it('trailing empty header cells (Excel exports ",,,") are ignored columns; rows with trailing commas are valid', async () => {
    const file = await readCsv(`${HEAD.join(',')},,,\r\n${VALUES.join(',')},,,\r\n${VALUES.join(',').replace('contoso', 'b2')}\r\n`);
    expect(file.emptyUnnamedColumns).toEqual([10, 11, 12]);
    expect(file.rows.map((row) => row.outcome.ok)).toEqual([true, true]);
  });

  it('a column with an empty header is kept (as column_<n>) when a cell is not empty', async () => {
    const file = await readCsv(`${HEAD.join(',')},,note\r\n${VALUES.join(',')},,n1\r\n${VALUES.join(',').replace('contoso', 'b2')},kept,n2\r\n`);
    expect(file.emptyUnnamedColumns).toEqual([]);
    expect(file.rows[1]!.cells[10]).toBe('kept');
    expect(file.rows[1]!.outcome.ok).toBe(true);
  });
});

describe('§3 file-level errors: one clear message naming the column or reason, no row processed', () => {
  const HEAD = Object.keys(BASE_US);
  const VALUES = Object.values(BASE_US) as string[];

  it('no header: the first line has no recognised column', async () => {
    const error = await readCsvError('foo,bar,baz\r\n1,2,3\r\n');
    expect(error.reason).toBe('no_header');
    expect(error.localized.en.length).toBeGreaterThan(20);
    expect(error.localized.ja.length).toBeGreaterThan(5);
  });

  it('a data line first (no header) is refused, not read as a header', async () => {
    const error = await readCsvError(`${VALUES.join(',')}\r\n${VALUES.join(',')}\r\n`);
    expect(error.reason).toBe('no_header');
  });

  it.each(HEAD.filter((key) => ['company_name', 'domain', 'country', 'address_line1', 'city', 'contact_first_name', 'contact_last_name', 'contact_email'].includes(key)))(
    'a required column missing (%s): named, in EN and JA',
    async (missing) => {
      const index = HEAD.indexOf(missing);
      const head = HEAD.filter((_, i) => i !== index);
      const values = VALUES.filter((_, i) => i !== index);
      const error = await readCsvError(`${head.join(',')}\r\n${values.join(',')}\r\n`);
      expect(error.reason).toBe('missing_column');
      expect(error.columns).toContain(missing);
      expect(error.localized.en).toContain(missing);
      expect(error.localized.ja).toContain(missing);
    },
  );

  it('a missing required column suggests the closest header present', async () => {
    const head = HEAD.map((key) => (key === 'contact_email' ? 'Emial adress' : key));
    const error = await readCsvError(`${head.join(',')}\r\n${VALUES.join(',')}\r\n`);
    expect(error.reason).toBe('missing_column');
    expect(error.columns).toContain('contact_email');
    expect(error.suggestion).toBe('Emial adress');
    expect(error.localized.en).toContain('Emial adress');
    expect(error.localized.ja).toContain('Emial adress');
  });

  it.each([
    ['contact_email', 'メール', '会社名,ドメイン,国,住所,市区町村,名,姓,メール,CRM'],
    ['address_line1', 'Street address', 'Company,Domain,Country,Street address,City,First name,Last name,Email'],
    ['domain', 'Tenant domain', 'Company,Tenant domain,Country,Address,City,First name,Last name,Email'],
    ['city', 'Town/City', 'Company,Domain,Country,Address,Town/City,First name,Last name,Email'],
    ['country', 'Contry', 'Company,Domain,Contry,Address,City,First name,Last name,Email'],
  ])('missing %s: the closest header present (%j) is suggested, not only typos', async (key, suggestion, header) => {
    const error = await readCsvError(`${header}\r\n`);
    expect(error.reason).toBe('missing_column');
    expect(error.columns).toEqual([key]);
    expect(error.suggestion).toBe(suggestion);
    expect(error.localized.ja).toContain(suggestion);
  });

  it('a known column given twice names both headers', async () => {
    const error = await readCsvError(`${HEAD.join(',')},Domain name\r\n${VALUES.join(',')},other\r\n`);
    expect(error.reason).toBe('duplicate_column');
    expect(error.columns).toEqual(['domain', 'Domain name']);
    expect(error.localized.en).toContain('"domain"');
    expect(error.localized.en).toContain('"Domain name"');
    expect(error.localized.ja).toContain('Domain name');
  });

  it('a known column twice by aliases in two languages names both headers', async () => {
    const head = HEAD.map((key) => (key === 'country' ? '国/地域' : key));
    const error = await readCsvError(`${head.join(',')},Country/region\r\n${VALUES.join(',')},US\r\n`);
    expect(error.reason).toBe('duplicate_column');
    expect(error.columns).toEqual(['国/地域', 'Country/region']);
  });

  it.each([
    ['empty_file', ''],
    ['no_header', 'foo,bar\r\n'],
    ['missing_column', 'company_name,domain\r\n'],
    ['duplicate_column', `${HEAD.join(',')},Company\r\n`],
  ])('the %s message is a sentence that says what to do, in English and Japanese', async (reason, text) => {
    const error = await readCsvError(text);
    expect(error.reason).toBe(reason);
    expect(error.message).toBe(error.localized.en);
    expect(looksLikeSentence(error.localized.en, 'en'), error.localized.en).toBe(true);
    expect(looksLikeSentence(error.localized.ja, 'ja'), error.localized.ja).toBe(true);
  });

  it('a header-only file is not an error', async () => {
    const file = await readCsv(`${HEAD.join(',')}\r\n`);
    expect(file.rows).toHaveLength(0);
  });

  it('a file in Japanese headers only is read', async () => {
    const file = await readCsv(
      '会社名,ドメイン,国,住所,市区町村,都道府県,郵便番号,名,姓,メール アドレス,電話番号,サブスクリプション,期間,請求サイクル,オプトイン,顧客契約同意,同意日\r\n'
        + 'コントソ,contosojp,日本,千代田1-1,千代田区,東京都,〒100-0001,花子,山田,hanako@contoso.example,03-1234-5678,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*2,P1Y,annual,いいえ,はい,2026/11/20\r\n',
    );
    const outcome = file.rows[0]!.outcome;
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.record).toMatchObject({
        country: 'JP',
        state: '東京都',
        postal_code: '100-0001',
        contact_phone: '+81312345678',
        offers: [{ id: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 2 }],
        term: 'P1Y',
        billing_cycle: 'annual',
        gdap_opt_in: false,
        mca: { date: '2026-11-20' },
      });
    }
  });
});

describe('§3 mapHeader reports what the reader checks', () => {
  it('recognized, missingRequired, duplicates, resultColumns', () => {
    const mapping = mapHeader(['Company', 'Domain', 'Domain prefix', 'pc_status', 'CRM']);
    expect(mapping.keys).toEqual(['company_name', 'domain', null, null, null]);
    expect(mapping.recognized).toBe(2);
    expect(mapping.missingRequired).toEqual(['country', 'address_line1', 'city', 'contact_first_name', 'contact_last_name', 'contact_email']);
    expect(mapping.duplicates).toEqual([{ key: 'domain', columns: [1, 2] }]);
    expect(mapping.resultColumns).toEqual([3]);
  });
});

it('the contract table has 27 canonical keys', () => {
  expect(ALIASES).toHaveLength(27);
  const keys: CanonicalKey[] = ALIASES.map(([key]) => key);
  expect(new Set(keys).size).toBe(27);
});
