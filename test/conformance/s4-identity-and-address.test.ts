import { describe, expect, it } from 'vitest';
import { resolveCountry } from '../../shared/countries/resolve-country.ts';
import { resolveState } from '../../shared/countries/resolve-state.ts';
import { BASE_JP, BASE_US, looksLikeSentence, oneRowCsv, readCsv, recordOf, verdict, verdictOf } from './conformance-support.ts';

// docs/contracts/csv.md §4: NFKC, lengths, domain, country, state, postal code.

const EU = { ...BASE_US, country: 'DE', state: undefined, postal_code: '10115', city: 'Berlin' };

describe('§4 values are NFKC-normalised (full-width → ASCII)', () => {
  it('full-width domain, country, ZIP and email become ASCII', async () => {
    const record = await recordOf({ domain: 'ｃｏｎｔｏｓｏ１', country: 'ＵＳ', postal_code: '９８０５２', contact_email: 'ａｎａ＠ｃｏｎｔｏｓｏ．ｅｘａｍｐｌｅ' });
    expect(record).toMatchObject({ domain: 'contoso1', country: 'US', postal_code: '98052', contact_email: 'ana@contoso.example' });
  });
  it('full-width JP postal code and phone', async () => {
    const record = await recordOf({ postal_code: '〒１００ー０００１', contact_phone: '０３－１２３４－５６７８' }, BASE_JP);
    expect(record.postal_code).toBe('100-0001');
    expect(record.contact_phone).toBe('+81312345678');
  });
});

describe('§4 lengths follow Partner Center: names 1–50, address ≤ 200, company ≤ 255, city ≤ 200', () => {
  it.each([
    ['contact_first_name', 50],
    ['contact_last_name', 50],
    ['address_line1', 200],
    ['address_line2', 200],
    ['address_line3', 200],
    ['company_name', 255],
    ['city', 200],
  ] as const)('%s: %i accepted, one more is too_long', async (field, limit) => {
    expect((await verdict({ [field]: 'a'.repeat(limit) })).status).toBe('ok');
    const v = await verdict({ [field]: 'a'.repeat(limit + 1) });
    expect(v).toMatchObject({ status: 'invalid', code: 'too_long', field });
    expect(v.en).toContain(String(limit));
  });
  it.each(['company_name', 'address_line1', 'city', 'contact_first_name', 'contact_last_name', 'contact_email', 'domain', 'country'] as const)(
    'required %s empty → required',
    async (field) => {
      const v = await verdict({ [field]: '  ' });
      expect(v).toMatchObject({ status: 'invalid', code: 'required', field });
      expect(looksLikeSentence(v.en, 'en')).toBe(true);
      expect(looksLikeSentence(v.ja, 'ja')).toBe(true);
    },
  );
});

describe('§4 domain', () => {
  it.each([
    ['contoso', 'contoso'],
    ['Contoso', 'contoso'],
    ['contoso.onmicrosoft.com', 'contoso'],
    ['CONTOSO.OnMicrosoft.COM', 'contoso'],
    ['1contoso', '1contoso'],
    ['123', '123'],
    ['a', 'a'],
    ['a'.repeat(27), 'a'.repeat(27)],
    [`${'b'.repeat(27)}.onmicrosoft.com`, 'b'.repeat(27)],
  ])('%j → stored %j', async (input, stored) => {
    expect((await recordOf({ domain: input })).domain).toBe(stored);
  });

  it.each(['con-toso', 'con_toso', 'contoso!', 'cöntoso', 'a'.repeat(28), 'a'.repeat(63), 'con toso', '.onmicrosoft.com'])('%j → invalid_domain', async (input) => {
    const v = await verdict({ domain: input });
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_domain', field: 'domain' });
    expect(looksLikeSentence(v.en, 'en')).toBe(true);
  });

  it('a prefix of 28 characters: the message names the limit of 27 and says to shorten it, before any call', async () => {
    const v = await verdict({ domain: `${'x'.repeat(28)}.onmicrosoft.com` });
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_domain', field: 'domain' });
    expect(v.en).toContain('27');
    expect(v.en).toMatch(/shorten/i);
    expect(v.ja).toContain('27');
  });

  it.each(['contoso.com', 'contoso.sharepoint.com', 'contoso.onmicrosoft.de', 'www.contoso.co.jp'])(
    '%j → invalid, the message says a new customer gets a new onmicrosoft.com domain',
    async (input) => {
      const v = await verdict({ domain: input });
      expect(v).toMatchObject({ status: 'invalid', code: 'invalid_domain', field: 'domain' });
      expect(v.en).toMatch(/new/i);
      expect(v.en).toContain('onmicrosoft.com');
      expect(v.ja).toContain('onmicrosoft.com');
    },
  );
});

describe('§4 domain: only the import\'s cloud\'s initial-domain suffix', () => {
  const inCloud = async (domain: string, cloud: 'global' | 'usgov' | 'china') => (await readCsv(oneRowCsv({ domain }), { cloud })).rows[0]!;

  it.each([
    ['contoso', 'global'],
    ['contoso.onmicrosoft.com', 'global'],
    ['contoso.onmicrosoft.com', 'usgov'],
    ['contoso', 'china'],
    ['Contoso.Partner.OnmsChina.cn', 'china'],
  ] as const)('%j in a %s import → stored contoso', async (domain, cloud) => {
    const row = await inCloud(domain, cloud);
    expect(row.outcome).toMatchObject({ ok: true, record: { domain: 'contoso' } });
  });

  it('a 21Vianet domain in a global import is invalid, and the message says what to write instead', async () => {
    const v = verdictOf(await inCloud('contoso.partner.onmschina.cn', 'global'));
    expect(v).toEqual({
      status: 'invalid',
      code: 'invalid_domain',
      field: 'domain',
      en: 'Domain "contoso.partner.onmschina.cn" is a 21Vianet domain, but this import is for the global cloud. Write the prefix contoso or contoso.onmicrosoft.com.',
      ja: 'ドメイン "contoso.partner.onmschina.cn" は 21Vianet のドメインですが、このインポートは グローバル クラウド向けです。プレフィックス contoso または contoso.onmicrosoft.com を入力してください。',
    });
    expect(looksLikeSentence(v.en, 'en')).toBe(true);
    expect(looksLikeSentence(v.ja, 'ja')).toBe(true);
  });

  it('an onmicrosoft.com domain in a 21Vianet import is invalid, naming both clouds that use it', async () => {
    const v = verdictOf(await inCloud('contoso.onmicrosoft.com', 'china'));
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_domain', field: 'domain' });
    expect(v.en).toBe('Domain "contoso.onmicrosoft.com" is a global or US Government domain, but this import is for the 21Vianet cloud. Write the prefix contoso or contoso.partner.onmschina.cn.');
    expect(v.ja).toContain('contoso.partner.onmschina.cn');
    expect(looksLikeSentence(v.ja, 'ja')).toBe(true);
  });

  it('a 21Vianet domain in a US Government import is invalid', async () => {
    const v = verdictOf(await inCloud('contoso.partner.onmschina.cn', 'usgov'));
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_domain', field: 'domain' });
    expect(v.en).toContain('this import is for the US Government cloud');
  });

  it('a bad prefix before the other cloud\'s suffix is reported as a bad prefix first', async () => {
    const v = verdictOf(await inCloud('con-toso.partner.onmschina.cn', 'global'));
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_domain', field: 'domain' });
    expect(v.en).toContain('Domain prefix "con-toso"');
  });

  it('a 21Vianet import says a new customer gets a new partner.onmschina.cn domain', async () => {
    const v = verdictOf(await inCloud('contoso.com', 'china'));
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_domain', field: 'domain' });
    expect(v.en).toContain('a new partner.onmschina.cn domain');
  });
});

describe('§4 country: alpha-2, alpha-3, English or Japanese name, common aliases → alpha-2', () => {
  it.each([
    ['US', 'US'],
    ['us', 'US'],
    ['USA', 'US'],
    ['U.S.', 'US'],
    ['U.S.A.', 'US'],
    ['United States', 'US'],
    ['United States of America', 'US'],
    ['米国', 'US'],
    ['アメリカ合衆国', 'US'],
    ['アメリカ', 'US'],
  ])('%j → %s', async (input, alpha2) => {
    expect((await recordOf({ country: input })).country).toBe(alpha2);
  });
  it.each([
    ['UK', 'GB'],
    ['GBR', 'GB'],
    ['United Kingdom', 'GB'],
    ['イギリス', 'GB'],
    ['DEU', 'DE'],
    ['Germany', 'DE'],
    ['ドイツ', 'DE'],
    ['FRA', 'FR'],
    ['France', 'FR'],
  ])('%j → %s (no state needed)', async (input, alpha2) => {
    const record = await recordOf({ country: input, state: undefined, postal_code: alpha2 === 'GB' ? 'SW1A 1AA' : alpha2 === 'DE' ? '10115' : '75001' });
    expect(record.country).toBe(alpha2);
  });
  it.each([
    ['日本', 'JP'],
    ['JPN', 'JP'],
    ['Japan', 'JP'],
    ['jp', 'JP'],
  ])('%j → %s', async (input, alpha2) => {
    expect((await recordOf({ country: input }, BASE_JP)).country).toBe(alpha2);
  });
  it.each([
    ['Moldova', 'MD'], ['モルドバ', 'MD'], ['Russia', 'RU'], ['ロシア', 'RU'], ['ロシア連邦', 'RU'], ['Venezuela', 'VE'], ['ベネズエラ', 'VE'],
    ['アルメニア', 'AM'], ['アゼルバイジャン', 'AZ'], ['ベラルーシ', 'BY'], ['ハンガリー', 'HU'], ['カザフスタン', 'KZ'], ['キルギス', 'KG'],
    ['タジキスタン', 'TJ'], ['ウズベキスタン', 'UZ'], ['ウクライナ', 'UA'], ['ブラジル', 'BR'], ['インド', 'IN'], ['南アフリカ', 'ZA'], ['ポーランド', 'PL'],
    ['アラブ首長国連邦', 'AE'], ['UAE', 'AE'], ['サウジアラビア', 'SA'], ['トルコ', 'TR'], ['Türkiye', 'TR'], ['タイ', 'TH'], ['ベトナム', 'VN'], ['Viet Nam', 'VN'],
    ['ミャンマー', 'MM'], ['Burma', 'MM'], ['イラク', 'IQ'], ['南スーダン', 'SS'], ['South Korea', 'KR'], ['韓国', 'KR'], ['英国', 'GB'], ['Holland', 'NL'],
    ['Syria', 'SY'], ['Laos', 'LA'], ['イラン', 'IR'], ['日本国', 'JP'], ['Czechia', 'CZ'], ['Czech Republic', 'CZ'],
  ])('the English or Japanese name %j → %s (every §6 country in Japanese)', async (name, code) => {
    // Resolved through the reader: the row is invalid for other reasons at most, never for its country.
    const v = await verdict({ country: name, state: undefined, postal_code: undefined });
    expect(v.code === 'invalid_country', JSON.stringify(v)).toBe(false);
    const { rows } = await readCsv(oneRowCsv({ country: name, state: undefined, postal_code: undefined, contact_phone: undefined }));
    expect(rows).toHaveLength(1);
    expect(resolveCountry(name)).toBe(code);
  });

  it.each(['XX', 'Narnia', 'ZZZ', 'U'])('%j → invalid_country', async (input) => {
    const v = await verdict({ country: input });
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_country', field: 'country' });
    expect(looksLikeSentence(v.en, 'en')).toBe(true);
  });
});

describe('§4 state: required in US CA AU MX BR IN JP, checked, stored as Partner Center expects', () => {
  const rows = {
    US: { country: 'US', postal_code: '98052', city: 'Redmond' },
    CA: { country: 'CA', postal_code: 'K1A 0B1', city: 'Ottawa' },
    AU: { country: 'AU', postal_code: '2000', city: 'Sydney' },
    JP: { country: 'JP', postal_code: '100-0001', city: '千代田区' },
  } as const;
  it.each([
    ['US', 'WA', 'WA'],
    ['US', 'wa', 'WA'],
    ['US', 'Washington', 'WA'],
    ['US', 'US-WA', 'WA'],
    ['CA', 'ON', 'ON'],
    ['CA', 'Ontario', 'ON'],
    ['AU', 'NSW', 'NSW'],
    ['AU', 'New South Wales', 'NSW'],
    ['JP', '東京都', '東京都'],
    ['JP', 'Tokyo', '東京都'],
    ['JP', 'tokyo-to', '東京都'],
    ['JP', 'JP-13', '東京都'],
    ['JP', '東京', '東京都'],
    ['JP', 'Hokkaido', '北海道'],
    ['JP', 'Osaka', '大阪府'],
  ] as const)('%s %j → %j', async (country, input, stored) => {
    expect((await recordOf({ ...rows[country], state: input })).state).toBe(stored);
  });

  it.each([
    ['MX', 'CDMX', 'CMX'], ['MX', 'Ciudad de México', 'CMX'], ['MX', 'Mexico City', 'CMX'], ['MX', 'Nuevo Leon', 'NLE'], ['MX', 'MX-JAL', 'JAL'],
    ['BR', 'SP', 'SP'], ['BR', 'Sao Paulo', 'SP'], ['BR', 'Rio de Janeiro', 'RJ'],
    ['IN', 'KA', 'KA'], ['IN', 'Karnataka', 'KA'], ['IN', 'Orissa', 'OR'], ['IN', 'IN-DL', 'DL'],
    ['CA', 'Québec', 'QC'], ['AU', 'Australian Capital Territory', 'ACT'], ['US', 'District of Columbia', 'DC'], ['US', 'Washington DC', 'DC'],
  ])('%s %j → stored code %j', async (country, input, stored) => {
    expect(resolveState(country, input)?.stored).toBe(stored);
  });

  it.each(['US', 'CA', 'AU', 'JP'] as const)('%s without state → required', async (country) => {
    expect(await verdict({ ...rows[country], state: '' })).toMatchObject({ status: 'invalid', code: 'required', field: 'state' });
  });
  it.each([
    ['MX', 'CDMX', '06000'],
    ['BR', 'SP', '01310-100'],
    ['IN', 'KA', '560001'],
  ])('%s without state → required', async (country, _state, postal) => {
    const v = await verdict({ country, postal_code: postal, state: '' });
    expect(v).toMatchObject({ status: 'invalid', field: 'state' });
  });

  it('a Japanese prefecture message shows the forms people write', async () => {
    const v = await verdict({ ...rows.JP, state: 'California' });
    expect(v.en).toContain('Tokyo');
    expect(v.en).toContain('JP-13');
    expect(v.ja).toContain('東京都');
  });

  it.each([
    ['US', 'Tokyo'],
    ['US', 'XX'],
    ['AU', 'Washington'],
    ['JP', 'California'],
  ] as const)('%s %j → invalid_state', async (country, input) => {
    const v = await verdict({ ...rows[country], state: input });
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_state', field: 'state' });
    expect(looksLikeSentence(v.en, 'en')).toBe(true);
  });

  it.each([
    ['GB', 'SW1A 1AA'],
    ['DE', '10115'],
    ['FR', '75001'],
    ['NZ', '6011'],
    ['IT', '00118'],
  ])('%s: state optional, free text kept', async (country, postal) => {
    expect((await verdict({ ...EU, country, postal_code: postal, state: '' })).status).toBe('ok');
    expect((await recordOf({ ...EU, country, postal_code: postal, state: 'Some Region' })).state).toBe('Some Region');
  });
});

describe('§4 postal code', () => {
  it.each([
    ['JP', '1000005', '100-0005'],
    ['JP', '100-0005', '100-0005'],
    ['JP', '〒100-0005', '100-0005'],
    ['JP', '〒1000005', '100-0005'],
    ['JP', '１００－０００５', '100-0005'],
    ['JP', '100ー0005', '100-0005'],
    ['JP', '100−0005', '100-0005'],
    ['JP', '〒 100‐0005', '100-0005'],
  ])('%s %j → %j', async (_, input, stored) => {
    expect((await recordOf({ postal_code: input }, BASE_JP)).postal_code).toBe(stored);
  });
  it.each(['1000-701', '10-00005', '100-00-05', '100 0005', '1000005-', '〒100-0005-1'])('JP %j: not one of the two forms → invalid, not re-hyphenated', async (input) => {
    const v = await verdict({ postal_code: input }, BASE_JP);
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_postal_code', field: 'postal_code' });
    expect(v.en).toContain('100-0005');
  });
  it.each([
    ['k1a0b1', 'K1A 0B1'],
    ['K1A 0B1', 'K1A 0B1'],
    ['k1a 0b1', 'K1A 0B1'],
  ])('CA %j → %j', async (input, stored) => {
    expect((await recordOf({ country: 'CA', state: 'ON', city: 'Ottawa', postal_code: input })).postal_code).toBe(stored);
  });
  it.each(['98052', '98052-6399', '02134'])('US %j accepted', async (input) => {
    expect((await recordOf({ postal_code: input })).postal_code).toBe(input);
  });
  it('US 4-digit ZIP → invalid with the leading-zero hint', async () => {
    const v = await verdict({ postal_code: '2134', state: 'MA', city: 'Boston' });
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_postal_code', field: 'postal_code' });
    expect(v.en).toMatch(/leading zero/i);
    expect(v.en).toContain('02134');
    expect(v.ja).toContain('0');
  });
  it.each([
    ['DE', '1067', '01067'],
    ['FR', '1000', '01000'],
    ['AU', '800', '0800'],
    ['JP', '600000', '0600000'],
  ])('%s %j: one digit short → the leading-zero hint (not only for US)', async (country, input, fixed) => {
    const base = country === 'JP' ? BASE_JP : { ...EU, country, state: country === 'AU' ? 'NT' : undefined };
    const v = await verdict({ postal_code: input }, base);
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_postal_code', field: 'postal_code' });
    expect(v.en).toMatch(/leading zero/);
    expect(v.en).toContain(fixed);
    expect(v.ja).toContain(fixed);
  });
  it.each([
    ['US', '9805'],
    ['US', 'ABCDE'],
    ['US', '980521'],
    ['JP', '100-00'],
    ['CA', '123456'],
  ])('%s %j → invalid_postal_code', async (country, input) => {
    const base = country === 'JP' ? BASE_JP : country === 'CA' ? { ...BASE_US, country: 'CA', state: 'ON' } : BASE_US;
    const v = await verdict({ postal_code: input }, base);
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_postal_code', field: 'postal_code' });
    expect(v.en).toMatch(/Write/);
    expect(v.ja).toMatch(/入力/);
  });
  it.each([['US'], ['JP'], ['DE']])('%s: postal code required', async (country) => {
    const base = country === 'JP' ? BASE_JP : country === 'DE' ? EU : BASE_US;
    expect(await verdict({ postal_code: '' }, base)).toMatchObject({ status: 'invalid', code: 'required', field: 'postal_code' });
  });
  it('a country without postal codes (AE) accepts an empty one', async () => {
    const v = await verdict({ ...EU, country: 'AE', postal_code: '', city: 'Dubai', contact_phone: '+971 4 123 4567', organization_registration_number: '100123456700003' });
    expect(v.status).toBe('ok');
  });
});
