import { describe, expect, it } from 'vitest';
import { BASE_JP, BASE_US, looksLikeSentence, recordOf, verdict } from './conformance-support.ts';

// docs/contracts/csv.md §4: phone, email, culture, language, registration number, associated partner id.

describe('§4 contact_phone / mca_phone: parsed for the country, stored in E.164', () => {
  it.each([
    ['US', '(425) 555-0100', '+14255550100'],
    ['US', '425.555.0100', '+14255550100'],
    ['US', '+1 425 555 0100', '+14255550100'],
    ['US', '425-555-0100 ext. 12', '+14255550100'],
    ['US', '425 555 0100 x12', '+14255550100'],
    ['JP', '03-1234-5678', '+81312345678'],
    ['JP', '090-1234-5678', '+819012345678'],
    ['JP', '+81 3 1234 5678', '+81312345678'],
    ['JP', '(03) 1234-5678', '+81312345678'],
  ])('%s %j → %s', async (country, input, e164) => {
    const record = await recordOf({ contact_phone: input }, country === 'JP' ? BASE_JP : BASE_US);
    expect(record.contact_phone).toBe(e164);
  });

  it.each([
    ['US', '555-0100'],
    ['US', '123'],
    ['US', 'call me'],
    ['JP', '03-1234'],
    ['US', '+1 000 000 0000'],
  ])('%s %j → invalid_phone', async (country, input) => {
    const v = await verdict({ contact_phone: input }, country === 'JP' ? BASE_JP : BASE_US);
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_phone', field: 'contact_phone' });
    expect(looksLikeSentence(v.en, 'en')).toBe(true);
  });

  it('a number that parses but is not valid for the country is invalid (US row, a Japanese national number)', async () => {
    expect(await verdict({ contact_phone: '03-1234-5678' })).toMatchObject({ status: 'invalid', code: 'invalid_phone', field: 'contact_phone' });
  });

  it('mca_phone is checked the same way (when mca_accepted)', async () => {
    const base = { ...BASE_US, mca_accepted: 'yes', mca_date: '2026-11-01' };
    expect((await recordOf({ mca_phone: '(425) 555-0100' }, base)).mca?.phone).toBe('+14255550100');
    expect(await verdict({ mca_phone: '555-0100' }, base)).toMatchObject({ status: 'invalid', code: 'invalid_phone', field: 'mca_phone' });
  });

  it.each(SIX_COUNTRIES)('%s: phone required (docs/contracts/partner-center.md §6, the safe reading: all 24)', async (country) => {
    const v = await verdict({
      country,
      state: FILL.state![country],
      postal_code: FILL.postal_code![country],
      contact_phone: '',
      organization_registration_number: REGISTRATION[country] ?? '1234567890',
    });
    expect(v).toMatchObject({ status: 'invalid', code: 'required', field: 'contact_phone' });
  });
});

describe('§4 contact_email / mca_email: plain local@domain.tld', () => {
  it.each(['ana@contoso.com', 'ana.diaz+crm@mail.contoso.co.jp', "o'brien@contoso.ie", 'A_B-c@x-y.example', 'ANA@CONTOSO.COM'])('%j accepted', async (input) => {
    expect((await verdict({ contact_email: input })).status).toBe('ok');
  });
  it.each([
    ['"ana diaz"@contoso.com', 'quoted local part'],
    ['ana@[192.168.0.1]', 'IP literal'],
    ['ana@192.168.0.1', 'IP address domain'],
    ['Ana Diaz <ana@contoso.com>', 'display name'],
    ['<ana@contoso.com>', 'angle brackets'],
    ['ana@contoso', 'no tld'],
    ['ana.@contoso.com', 'dot at end of local'],
    ['.ana@contoso.com', 'dot at start of local'],
    ['an..a@contoso.com', 'two dots'],
    ['ana@@contoso.com', 'two @'],
    ['ana contoso.com', 'no @'],
    ['ana@contoso..com', 'empty label'],
    ['ana@-contoso.com', 'label starts with -'],
    ['ana@contoso.com, bob@contoso.com', 'two addresses'],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.com`, 'longer than 254'],
  ])('%j → invalid_email (%s)', async (input) => {
    const v = await verdict({ contact_email: input });
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_email', field: 'contact_email' });
    expect(looksLikeSentence(v.en, 'en')).toBe(true);
    expect(looksLikeSentence(v.ja, 'ja')).toBe(true);
  });
  it('254 characters exactly is accepted', async () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(email.length).toBe(254);
    expect((await verdict({ contact_email: email })).status).toBe('ok');
  });
  it('mca_email is checked the same way', async () => {
    const base = { ...BASE_US, mca_accepted: 'true', mca_date: '2026-11-01', mca_first_name: 'Bob', mca_last_name: 'Lee' };
    expect(await verdict({ mca_email: 'Bob <bob@contoso.com>' }, base)).toMatchObject({ status: 'invalid', code: 'invalid_email', field: 'mca_email' });
  });
});

describe('§4 culture and language: defaults and names', () => {
  it('culture defaults from the country, language from the culture', async () => {
    expect(await recordOf({})).toMatchObject({ culture: 'en-US', language: 'en' });
    expect(await recordOf({}, BASE_JP)).toMatchObject({ culture: 'ja-JP', language: 'ja' });
    expect(await recordOf({ country: 'DE', state: undefined, postal_code: '10115' })).toMatchObject({ culture: 'de-DE', language: 'de' });
    expect(await recordOf({ country: 'FR', state: undefined, postal_code: '75001' })).toMatchObject({ culture: 'fr-FR', language: 'fr' });
  });
  it.each([['zh-Hant-TW', 'zh'], ['es-419', 'es'], ['en_us', 'en'], ['de-CH', 'de'], ['ja', 'ja']])('culture %j is BCP 47 → language %s', async (culture, language) => {
    expect((await recordOf({ culture })).language).toBe(language);
  });
  it('a given culture is kept (BCP 47) and the language follows it', async () => {
    expect(await recordOf({ culture: 'ja-JP' })).toMatchObject({ culture: 'ja-JP', language: 'ja' });
    expect(await recordOf({ culture: 'en-gb' })).toMatchObject({ culture: 'en-GB', language: 'en' });
  });
  it.each([
    ['ja', 'ja'],
    ['JA', 'ja'],
    ['Japanese', 'ja'],
    ['日本語', 'ja'],
    ['English', 'en'],
    ['英語', 'en'],
    ['German', 'de'],
    ['ドイツ語', 'de'],
  ])('language %j → %s', async (input, code) => {
    expect((await recordOf({ language: input })).language).toBe(code);
  });
  it.each(['not a tag', 'e', '12-34', 'ja_JP_x_y', 'xx', 'xx-YY', 'en-QQ', 'en-USA'])('culture %j → invalid_culture', async (input) => {
    expect(await verdict({ culture: input })).toMatchObject({ status: 'invalid', code: 'invalid_culture', field: 'culture' });
  });
  it.each(['Klingon', 'xx', 'japanesee'])('language %j → invalid_language', async (input) => {
    expect(await verdict({ language: input })).toMatchObject({ status: 'invalid', code: 'invalid_language', field: 'language' });
  });
});

describe('§4 organization_registration_number: required in the docs/contracts/partner-center.md §6 countries', () => {
  it.each(SIX_COUNTRIES)('%s without a registration number → required', async (country) => {
    const v = await verdict({
      country,
      state: FILL.state![country],
      postal_code: FILL.postal_code![country],
      contact_phone: FILL.contact_phone![country],
      organization_registration_number: '',
    });
    expect(v).toMatchObject({ status: 'invalid', code: 'required', field: 'organization_registration_number' });
  });
  it.each(SIX_COUNTRIES)('%s with every country-required value filled is valid', async (country) => {
    const v = await verdict({
      country,
      state: FILL.state![country],
      postal_code: FILL.postal_code![country],
      contact_phone: FILL.contact_phone![country],
      organization_registration_number: REGISTRATION[country] ?? '1234567890',
    });
    expect(v.status, JSON.stringify(v)).toBe('ok');
  });
  it('where the country rules give a pattern (BR CNPJ) it is checked', async () => {
    const base = { ...BASE_US, country: 'BR', state: 'SP', postal_code: '01310-100', contact_phone: '+55 11 2345-6789' };
    expect((await recordOf({ organization_registration_number: '11.222.333/0001-81' }, base)).organization_registration_number).toBe('11222333000181');
    const v = await verdict({ organization_registration_number: '11.222.333/0001-82' }, base);
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_registration_number', field: 'organization_registration_number' });
    expect(v.en).toContain('11.222.333/0001-81');
  });
  it.each(['US', 'JP', 'DE', 'GB', 'FR'])('%s: registration number optional', async (country) => {
    const base = country === 'JP' ? BASE_JP : country === 'US' ? BASE_US : { ...BASE_US, country, state: undefined, postal_code: country === 'GB' ? 'SW1A 1AA' : country === 'DE' ? '10115' : '75001' };
    expect((await verdict({ organization_registration_number: '' }, base)).status).toBe('ok');
  });
});

const SIX_COUNTRIES = ['AM', 'AZ', 'BY', 'HU', 'KZ', 'KG', 'MD', 'RU', 'TJ', 'UZ', 'UA', 'BR', 'IN', 'ZA', 'PL', 'AE', 'SA', 'TR', 'TH', 'VN', 'MM', 'IQ', 'SS', 'VE'];

/** Registration numbers of the right shape where the country rules give a pattern. */
const REGISTRATION: Record<string, string> = { BR: '11.222.333/0001-81', IN: 'AAACM1234A1Z5', RU: '7707083893', UA: '12345678', PL: '1234563218', AE: '100123456700003' };

/** Values that satisfy other country-required fields while walking to the registration rule. */
const FILL: Record<string, Record<string, string>> = {
  state: { BR: 'SP', IN: 'KA', default: 'Region' },
  postal_code: { BR: '01310-100', IN: '560001', ZA: '2000', PL: '00-001', TR: '34000', TH: '10200', VN: '100000', SA: '11564', RU: '101000', UA: '01001', BY: '220030', KZ: '010000', AM: '0010', AZ: 'AZ1000', KG: '720001', MD: 'MD-2001', TJ: '734000', UZ: '100000', HU: '1051', MM: '11181', IQ: '10001', VE: '1010', default: '00000' },
  contact_phone: { BR: '+55 11 2345-6789', IN: '+91 80 2345 6789', ZA: '+27 11 123 4567', AM: '+374 10 123456', AZ: '+994 12 123 45 67', BY: '+375 17 123-45-67', HU: '+36 1 234 5678', KZ: '+7 727 123 4567', KG: '+996 312 123456', MD: '+373 22 123456', RU: '+7 495 123-45-67', TJ: '+992 37 221 2345', UZ: '+998 71 123 45 67', UA: '+380 44 123 4567', PL: '+48 22 123 45 67', AE: '+971 4 123 4567', SA: '+966 11 234 5678', TR: '+90 212 123 45 67', TH: '+66 2 123 4567', VN: '+84 24 3123 4567', MM: '+95 1 234 567', IQ: '+964 1 234 5678', SS: '+211 912 345 678', VE: '+58 212 123 4567', default: '' },
};

describe('§4 associated_partner_id: a GUID', () => {
  it('a GUID is accepted (lower-cased); braces tolerated or refused, never crash', async () => {
    const record = await recordOf({ associated_partner_id: 'A1B2C3D4-E5F6-4789-ABCD-0123456789AB' });
    expect(record.associated_partner_id).toBe('a1b2c3d4-e5f6-4789-abcd-0123456789ab');
  });
  it('digits alone (an MPN id) are invalid; the message says the tenant id is needed', async () => {
    const v = await verdict({ associated_partner_id: '1234567' });
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_partner_id', field: 'associated_partner_id' });
    expect(v.en).toMatch(/tenant id/i);
    expect(v.ja).toMatch(/テナント ?ID/i);
  });
  it.each(['contoso', 'a1b2c3d4-e5f6-4789-abcd-0123456789', 'zzzzzzzz-e5f6-4789-abcd-0123456789ab'])('%j → invalid_partner_id', async (input) => {
    expect(await verdict({ associated_partner_id: input })).toMatchObject({ status: 'invalid', code: 'invalid_partner_id', field: 'associated_partner_id' });
  });
});
