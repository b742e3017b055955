import countries from 'i18n-iso-countries';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import Papa from 'papaparse';
import { z } from 'zod';
import { getCountryRule } from '../shared/countries/country-rules.ts';
import { normalizePostalCodeWith } from '../shared/countries/normalize-postal-code.ts';
import { resolveState } from '../shared/countries/resolve-state.ts';

/**
 * The way most Node projects read and validate a CSV, as the reader bench's peer: `Papa.parse`
 * with `header: true`, then one zod object schema per row with the same fields and rules as the
 * shared reader (NFKC + trim, lengths, country by code or English/Japanese name, state, postal
 * code and phone per country, e-mail, offers, term, billing cycle, yes/no, the MCA date, one row
 * per domain). The country tables are the project's (a developer needs some table), the phone
 * check is libphonenumber-js, the country names i18n-iso-countries.
 */

/** A cell: absent or blank → '', else NFKC and trimmed. */
const cell = z
  .string()
  .optional()
  .transform((value) => (value ?? '').normalize('NFKC').trim());
const requiredText = (max: number) => cell.pipe(z.string().min(1).max(max));
const optionalText = (max: number) => cell.pipe(z.string().max(max)).transform((value) => (value === '' ? undefined : value));
const BOOLEANS: Record<string, boolean> = { true: true, yes: true, y: true, '1': true, はい: true, false: false, no: false, n: false, '0': false, いいえ: false };
const yesNo = (fallback: boolean) =>
  cell.transform((value, context) => {
    if (value === '') return fallback;
    const parsed = BOOLEANS[value.toLowerCase()];
    if (parsed === undefined) context.addIssue({ code: 'custom', message: 'not a yes/no value' });
    return parsed ?? fallback;
  });
const OFFER = /^([A-Z0-9]{1,20}:[A-Z0-9]{1,10}:[A-Z0-9]{1,20}|[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12})(?:\*(\d{1,9}))?$/;
const offers = cell.transform((value, context) => {
  if (value === '') return [];
  return value
    .split(';')
    .filter((part, index, parts) => !(index === parts.length - 1 && part.trim() === ''))
    .map((part) => {
      const match = OFFER.exec(part.replace(/\s+/g, '').toUpperCase());
      const quantity = Number(match?.[2] ?? '1');
      if (!match || quantity < 1 || quantity > 10_000) context.addIssue({ code: 'custom', message: `offer ${part} is not valid` });
      return { id: match?.[1] ?? part, quantity };
    });
});
const country = cell.transform((value, context) => {
  const code = countries.isValid(value.toUpperCase()) ? countries.toAlpha2(value.toUpperCase()) : (countries.getAlpha2Code(value, 'en') ?? countries.getAlpha2Code(value, 'ja'));
  if (!code) context.addIssue({ code: 'custom', message: `country ${value} is not known` });
  return code ?? '';
});
const mcaDate = cell.pipe(z.union([z.literal(''), z.string().regex(/^\d{4}([-/])\d{1,2}\1\d{1,2}$/).transform((value) => value.replaceAll('/', '-'))]));

const rowSchema = z
  .object({
    company_name: requiredText(255),
    domain: cell.transform((value) => value.toLowerCase().replace(/\.onmicrosoft\.com$/, '')).pipe(z.string().regex(/^[a-z0-9]{1,63}$/)),
    country,
    address_line1: requiredText(200),
    address_line2: optionalText(200),
    city: requiredText(200),
    state: cell,
    postal_code: cell,
    contact_first_name: requiredText(50),
    contact_last_name: requiredText(50),
    contact_email: cell.pipe(z.email().max(254)),
    contact_phone: cell,
    culture: cell.pipe(z.union([z.literal(''), z.string().regex(/^[a-z]{2}-[A-Z]{2}$/i)])),
    organization_registration_number: optionalText(50),
    offers,
    term: cell.transform((value) => value.toUpperCase() || 'P1M').pipe(z.enum(['P1M', 'P1Y', 'P3Y'])),
    billing_cycle: cell.transform((value) => value.toLowerCase() || 'monthly').pipe(z.enum(['monthly', 'annual'])),
    mca_accepted: yesNo(false),
    mca_date: mcaDate,
  })
  .superRefine((row, context) => {
    if (row.country === '') return;
    const rule = getCountryRule(row.country);
    if (rule.states && row.state !== '' && !resolveState(rule.code, row.state)) context.addIssue({ code: 'custom', path: ['state'], message: 'unknown state' });
    if (rule.stateRequired && row.state === '') context.addIssue({ code: 'custom', path: ['state'], message: 'state required' });
    if (row.postal_code !== '' && !normalizePostalCodeWith(rule.postalCode, rule.code, row.postal_code).ok) context.addIssue({ code: 'custom', path: ['postal_code'], message: 'postal code' });
    if (row.contact_phone !== '') {
      const phone = parsePhoneNumberFromString(row.contact_phone, rule.code as CountryCode);
      if (!phone?.isValid() || (phone.country !== undefined && phone.country !== rule.code)) context.addIssue({ code: 'custom', path: ['contact_phone'], message: 'phone' });
    }
    if (row.organization_registration_number !== undefined && rule.registrationNumber.normalize(row.organization_registration_number) === undefined) {
      context.addIssue({ code: 'custom', path: ['organization_registration_number'], message: 'registration number' });
    }
    if (row.mca_accepted && row.mca_date === '') context.addIssue({ code: 'custom', path: ['mca_date'], message: 'date required' });
    // The reader's default cloud is the global one, where purchases need the attestation.
    if (!row.mca_accepted && row.offers.length > 0) context.addIssue({ code: 'custom', path: ['mca_accepted'], message: 'MCA required' });
  });

/** Parses and validates `text`; returns the rows read and how many were valid (first row per domain). */
export function runPeerPipeline(text: string): { rows: number; valid: number } {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  const domains = new Set<string>();
  let valid = 0;
  for (const row of parsed.data) {
    const result = rowSchema.safeParse(row);
    if (!result.success || domains.has(result.data.domain)) continue;
    domains.add(result.data.domain);
    valid++;
  }
  return { rows: parsed.data.length, valid };
}
