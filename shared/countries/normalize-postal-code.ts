import { normalizeValue } from '../text/normalize-value.ts';
import { getCountryRule } from './country-rules.ts';
import type { PostalCodeFormat } from './postal-code-format.ts';

export type PostalCodeResult =
  | { ok: true; value: string }
  | { ok: false; example: string; hint?: 'leading_zero_dropped' };

// A leading 〒 (Japanese postal mark), spaces and hyphens are not part of the code. Japanese input
// methods also type the long-vowel mark ー or a dash (‐ – — ― −) for the hyphen; NFKC keeps those.
const SEPARATORS = /[\s\u00a0\u3000\-〒\u30fc\u2010-\u2015\u2212]/gu;
const FOUR_DIGITS = /^\d{4}$/;
const DIGITS = /^\d+$/;

/**
 * Checks a postal code against the country's format and returns its stored form. Countries
 * without a format accept any text as it is.
 *
 * @example normalizePostalCode('JP', '〒1000005') // { ok: true, value: '100-0005' }
 * @example normalizePostalCode('CA', 'k1a0b1') // { ok: true, value: 'K1A 0B1' }
 */
export function normalizePostalCode(country: string, value: string): PostalCodeResult {
  return normalizePostalCodeWith(getCountryRule(country).postalCode, country, value);
}

/**
 * `normalizePostalCode` for a caller that already holds the country's rule:
 * `format` is `getCountryRule(country).postalCode`, so the rule is not looked up again.
 */
export function normalizePostalCodeWith(format: PostalCodeFormat | undefined, country: string, value: string): PostalCodeResult {
  return format ? normalizeNfkcPostalCodeWith(format, country, normalizeValue(value)) : { ok: true, value };
}

/**
 * The validator's way in: it holds the country's rule (`format`) and the value already in NFKC
 * and trimmed (`normalizeValue`), so neither is looked up or done again for every row.
 */
export function normalizeNfkcPostalCodeWith(format: PostalCodeFormat | undefined, country: string, value: string): PostalCodeResult {
  if (!format) return { ok: true, value };
  if (format.stored?.test(value)) return { ok: true, value };
  const written = value.toUpperCase();
  const compact = written.replace(SEPARATORS, '');
  const match = !format.written || format.written.test(written) ? format.pattern.exec(compact) : null;
  if (match) return { ok: true, value: format.format(match) };
  // Excel reads 02134 as the number 2134 (and Dresden's 01067 as 1067, Darwin's 0800 as 800).
  if (country === 'US' && FOUR_DIGITS.test(compact)) return { ok: false, example: format.example, hint: 'leading_zero_dropped' };
  if (DIGITS.test(compact) && format.pattern.test(`0${compact}`)) return { ok: false, example: format.example, hint: 'leading_zero_dropped' };
  return { ok: false, example: format.example };
}
