import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_RULES, getCountryRule, PHONE_AND_REGISTRATION_COUNTRIES } from './country-rules.ts';
import { normalizeNfkcPostalCodeWith, normalizePostalCode } from './normalize-postal-code.ts';
import { parsePhone } from './parse-phone.ts';
import { BRAZIL_CNPJ } from './registration-number-format.ts';
import { resolveCountry } from './resolve-country.ts';
import { resolveState } from './resolve-state.ts';

const EU = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');
const NAMED = 'US CA GB JP AU NZ IN BR MX KR SG CH NO ZA AE'.split(' ');

describe('country rules', () => {
  it('should cover at least 40 countries: the EU, the named markets and every phone/registration country', () => {
    expect(COUNTRY_RULES.size).toBeGreaterThanOrEqual(40);
    for (const code of [...EU, ...NAMED, ...PHONE_AND_REGISTRATION_COUNTRIES]) expect(COUNTRY_RULES.has(code), code).toBe(true);
    expect(PHONE_AND_REGISTRATION_COUNTRIES.size).toBe(24);
  });

  it('should require a state exactly in US, CA, AU, MX, BR, IN and JP', () => {
    const withStates = [...COUNTRY_RULES.values()].filter((rule) => rule.stateRequired).map((rule) => rule.code).sort();
    expect(withStates).toEqual(['AU', 'BR', 'CA', 'IN', 'JP', 'MX', 'US']);
  });

  it('should list 47 prefectures with English and Japanese names and JP-nn codes', () => {
    const prefectures = getCountryRule('JP').states ?? [];
    expect(prefectures).toHaveLength(47);
    expect(prefectures[12]).toMatchObject({ stored: '東京都', name: 'Tokyo', iso: 'JP-13' });
    expect(prefectures[46]).toMatchObject({ stored: '沖縄県', iso: 'JP-47' });
    expect(new Set(prefectures.map((p) => p.stored)).size).toBe(47);
  });

  it('should give each country a default culture and its language', () => {
    expect(getCountryRule('JP')).toMatchObject({ defaultCulture: 'ja-JP', defaultLanguage: 'ja' });
    expect(getCountryRule('DE')).toMatchObject({ defaultCulture: 'de-DE', defaultLanguage: 'de' });
    expect(getCountryRule('AZ')).toMatchObject({ defaultCulture: 'az-Latn-AZ', defaultLanguage: 'az' });
    expect(getCountryRule('AQ')).toMatchObject({ defaultCulture: 'en-US', stateRequired: false, phoneRequired: false });
  });

  it('should require phone and registration number in BR but not in DE', () => {
    expect(getCountryRule('BR')).toMatchObject({ phoneRequired: true, registrationNumberRequired: true });
    expect(getCountryRule('DE')).toMatchObject({ phoneRequired: false, registrationNumberRequired: false });
  });
});

describe('resolveCountry', () => {
  it.each([
    ['US', 'US'], ['usa', 'US'], ['U.S.', 'US'], ['United States', 'US'], ['アメリカ合衆国', 'US'], ['米国', 'US'],
    ['UK', 'GB'], ['United Kingdom', 'GB'], ['日本', 'JP'], ['JPN', 'JP'], ['ｊｐ', 'JP'], [' japan ', 'JP'],
    ['Brazil', 'BR'], ['ブラジル', 'BR'], ['South Korea', 'KR'], ['Narnia', undefined], ['', undefined],
  ])('should resolve %j to %j', (input, expected) => {
    expect(resolveCountry(input)).toBe(expected);
  });
});

describe('resolveState', () => {
  it.each([
    ['US', 'WA', 'WA'], ['US', 'washington', 'WA'], ['AU', 'NSW', 'NSW'], ['AU', 'New South Wales', 'NSW'],
    ['JP', '東京都', '東京都'], ['JP', 'Tokyo', '東京都'], ['JP', 'JP-13', '東京都'], ['JP', '東京', '東京都'],
    ['JP', 'hokkaido', '北海道'], ['CA', 'Québec', 'QC'], ['MX', 'nuevo leon', 'NLE'], ['CA', 'QC', 'QC'], ['MX', 'Jalisco', 'JAL'],
    ['BR', 'São Paulo', 'SP'], ['IN', 'Karnataka', 'KA'], ['US', 'Tokyo', undefined], ['DE', 'Bayern', undefined],
  ])('should resolve %s %j to %j', (country, input, expected) => {
    expect(resolveState(country, input)?.stored).toBe(expected);
  });
});

describe('normalizePostalCode', () => {
  it.each([
    ['JP', '〒1000005', '100-0005'], ['JP', '100-0005', '100-0005'], ['JP', '１００－０００５', '100-0005'],
    ['CA', 'k1a0b1', 'K1A 0B1'], ['US', '98052', '98052'], ['US', '980526399', '98052-6399'],
    ['GB', 'sw1a1aa', 'SW1A 1AA'], ['NL', '1012ab', '1012 AB'], ['PL', '00950', '00-950'], ['LV', '1050', 'LV-1050'],
    ['BR', '01310100', '01310-100'], ['AE', 'anything', 'anything'],
  ])('should store %s %j as %j', (country, input, expected) => {
    expect(normalizePostalCode(country, input)).toEqual({ ok: true, value: expected });
  });

  it.each([['JP', '12345'], ['US', '980521'], ['CA', '123456'], ['DE', '1234']])('should refuse %s %j', (country, input) => {
    expect(normalizePostalCode(country, input).ok).toBe(false);
  });

  it.each([
    ['RS', '11000', '11000'], ['RS', '106314', '106314'], ['GE', '0101', '0101'], ['EG', '１１５１１', '11511'], ['PK', '44000', '44000'],
    ['KE', '00100', '00100'], ['MA', '10 000', '10000'], ['BD', '1000', '1000'], ['AD', 'ad500', 'AD500'], ['AD', '500', 'AD500'],
    ['AX', 'AX-22100', '22100'], ['GG', 'gy11aa', 'GY1 1AA'], ['JE', 'JE2 3AB', 'JE2 3AB'], ['BN', 'bs 8811', 'BS8811'],
    ['PR', '009011234', '00901-1234'], ['RE', '97400', '97400'],
  ])('should check %s (postal code system, no other rule) and store %j as %j', (country, input, expected) => {
    expect(getCountryRule(country).postalCode).toBeDefined();
    expect(normalizePostalCode(country, input)).toEqual({ ok: true, value: expected });
  });

  it.each([['RS', '1100', '11000'], ['GE', '01011', '0101'], ['EG', '115111', '11511'], ['PK', 'ABCDE', '44000'], ['GG', 'JE2 3AB', 'GY1 1AA']])(
    'should refuse %s %j and name the format %j',
    (country, input, example) => {
      expect(normalizePostalCode(country, input)).toMatchObject({ ok: false, example });
    },
  );

  it.each(['HK', 'AE', 'QA', 'NG', 'AO', 'JM', 'AQ'])('should leave the postal code of %s (no postal codes, or not in general use) optional and unchecked', (country) => {
    expect(getCountryRule(country).postalCode).toBeUndefined();
    expect(normalizePostalCode(country, 'PO Box 12')).toEqual({ ok: true, value: 'PO Box 12' });
  });

  it('should keep the culture of a country known for its postal code only at the en-US default', () => {
    expect(getCountryRule('RS')).toMatchObject({ defaultCulture: 'en-US', defaultLanguage: 'en', stateRequired: false, phoneRequired: false });
  });

  it('should hint that a 4-digit US ZIP lost its leading zero', () => {
    expect(normalizePostalCode('US', '2134')).toMatchObject({ ok: false, hint: 'leading_zero_dropped' });
  });

  it('should store a code already in its stored form as the full match would (every country with a stored form)', () => {
    const withStoredForm = [...COUNTRY_RULES.values()].filter((rule) => rule.postalCode?.stored);
    expect(withStoredForm.map((rule) => rule.code)).toEqual(expect.arrayContaining(['US', 'CA', 'GB', 'JP', 'DE', 'FR', 'BR', 'AU', 'CZ']));
    for (const rule of withStoredForm) {
      const format = rule.postalCode!;
      const fullMatch = { ...format, stored: undefined };
      fc.assert(fc.property(fc.stringMatching(format.stored!), (value) => {
        expect(normalizeNfkcPostalCodeWith(format, rule.code, value)).toEqual(normalizeNfkcPostalCodeWith(fullMatch, rule.code, value));
      }), { numRuns: 200 });
    }
  });
});

describe('parsePhone', () => {
  it.each([
    ['JP', '03-1234-5678', '+81312345678'], ['US', '(425) 882-8080', '+14258828080'], ['US', '+1 425.882.8080 ext. 5', '+14258828080'],
    ['DE', '030 123456', '+4930123456'], ['US', '123', undefined], ['US', '+81 3 1234 5678', undefined], ['JP', 'abc', undefined],
  ])('should parse %s %j as %j', (country, input, expected) => {
    expect(parsePhone(country, input)).toBe(expected);
  });
});

describe('BRAZIL_CNPJ', () => {
  it('should accept a CNPJ with valid check digits, punctuated or not', () => {
    expect(BRAZIL_CNPJ.normalize('11.222.333/0001-81')).toBe('11222333000181');
    expect(BRAZIL_CNPJ.normalize('11222333000181')).toBe('11222333000181');
  });

  it.each(['11.222.333/0001-82', '1122233300018', '00000000000000', 'abc'])('should refuse %j', (input) => {
    expect(BRAZIL_CNPJ.normalize(input)).toBeUndefined();
  });
});
