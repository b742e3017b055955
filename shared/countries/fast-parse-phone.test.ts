import fc from 'fast-check';
import { getCountryCallingCode, getExampleNumber, type CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { COUNTRY_RULES } from './country-rules.ts';
import { fastParsePhone } from './fast-parse-phone.ts';
import { parsePhoneWithLibrary } from './parse-phone.ts';

const COUNTRIES = [...COUNTRY_RULES.keys()];

/** National significant numbers that are valid or nearly so: the library's examples with digits changed. */
const nearlyValid = fc
  .tuple(fc.constantFrom(...COUNTRIES), fc.array(fc.tuple(fc.nat(20), fc.integer({ min: 0, max: 9 })), { maxLength: 3 }), fc.integer({ min: -1, max: 1 }))
  .map(([country, edits, lengthChange]) => {
    const example = getExampleNumber(country as CountryCode, examples)?.nationalNumber ?? '2345678';
    const digits = [...example];
    for (const [position, digit] of edits) digits[position % digits.length] = String(digit);
    if (lengthChange > 0) digits.push('5');
    if (lengthChange < 0) digits.pop();
    return { country, nationalNumber: digits.join('') };
  });

const written = fc
  .tuple(nearlyValid, fc.constantFrom('national', 'national0', 'plus', 'plus0', 'plain', 'idd'), fc.constantFrom('', ' ', '-', '.', '(', ')', '/'))
  .map(([{ country, nationalNumber }, style, separator]) => {
    const code = getCountryCallingCode(country as CountryCode);
    const spaced = nationalNumber.replace(/(\d{3})(?=\d)/g, `$1${separator}`);
    const text = {
      national: spaced,
      national0: `0${spaced}`,
      plus: `+${code} ${spaced}`,
      plus0: `+${code} (0)${spaced}`,
      plain: `${code}${nationalNumber}`,
      idd: `00${code}${nationalNumber}`,
    }[style];
    return { country, text };
  });

describe('fastParsePhone', () => {
  it('should only ever accept what libphonenumber-js accepts, with the same E.164', () => {
    let accepted = 0;
    fc.assert(
      fc.property(written, ({ country, text }) => {
        const fast = fastParsePhone(country, text);
        if (fast === undefined) return;
        accepted++;
        expect(parsePhoneWithLibrary(country, text), `${country} ${text}`).toBe(fast);
      }),
      { numRuns: 20_000 },
    );
    // The fast path must actually carry most valid numbers, or it is pointless.
    expect(accepted).toBeGreaterThan(4_000);
  });

  it.each([
    ['JP', '03-1234-5678', '+81312345678'],
    ['US', '(425) 882-8080', '+14258828080'],
    ['DE', '+49 (0)30 123456', '+4930123456'],
    ['CA', '613 555 0199', undefined],
    ['US', '425 882 8080 ext. 12', undefined],
  ])('should answer %s %j with %j', (country, text, expected) => {
    expect(fastParsePhone(country, text)).toBe(expected);
  });
});
