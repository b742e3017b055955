import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { fastParsePhone } from './fast-parse-phone.ts';

const cache = new Map<string, string | null>();
const CACHE_LIMIT = 10_000;

/**
 * Parses a phone number written for a country (national or international format) and returns
 * E.164, or undefined when it does not parse or is not a valid number of that country.
 *
 * @example parsePhone('JP', '03-1234-5678') // '+81312345678'
 */
export function parsePhone(country: string, value: string): string | undefined {
  const fast = fastParsePhone(country, value);
  if (fast !== undefined) return fast;
  const cacheKey = `${country}|${value}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached ?? undefined;
  const result = parsePhoneWithLibrary(country, value);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, result ?? null);
  return result;
}

/** The library's answer alone, without the fast path or the cache (tests compare both). */
export function parsePhoneWithLibrary(country: string, value: string): string | undefined {
  let phone;
  try {
    phone = parsePhoneNumberFromString(value, country as CountryCode);
  } catch {
    return undefined;
  }
  if (!phone || !phone.isValid()) return undefined;
  // "+1 …" numbers are shared by several countries; the number must belong to the row's country.
  if (phone.country !== undefined && phone.country !== country) return undefined;
  if (phone.country === undefined && phone.countryCallingCode !== callingCode(country)) return undefined;
  return phone.number;
}

function callingCode(country: string): string | undefined {
  try {
    return getCountryCallingCode(country as CountryCode);
  } catch {
    return undefined;
  }
}
