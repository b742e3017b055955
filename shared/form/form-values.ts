import countriesEn from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import countriesJa from 'i18n-iso-countries/langs/ja.json' with { type: 'json' };
import type { CanonicalKey } from '../customer/canonical-keys.ts';
import type { CustomerRecord } from '../customer/customer-record.ts';
import type { Language } from '../i18n/localized-message.ts';
import { resolveState } from '../countries/resolve-state.ts';

/**
 * The library's name tables only (official name first, then aliases): its index would add code
 * tables and a diacritics library to the content script, which runs on every dashboard page.
 */
const COUNTRY_NAMES: Record<Language, Readonly<Record<string, string | readonly string[]>>> = {
  en: countriesEn.countries,
  ja: countriesJa.countries,
};

/**
 * What goes into one form field. `text` is what a person would type; when the page shows a list
 * instead, the option whose text or value matches any of `matches` (normalised) is chosen.
 */
export type FormValue =
  | { type: 'text'; text: string; matches: string[]; meaning?: TextMeaning }
  | { type: 'boolean'; checked: boolean }
  /** `iso` is YYYY-MM-DD (for `type=date` inputs); `text` is the page's locale format. */
  | { type: 'date'; iso: string; text: string };

/**
 * How a read-back compares what the page shows with a text value: `free` text exactly as typed
 * (full-width stays full-width), a `choice` by any of its names or codes, a `phone` by its digits,
 * an `email` without regard to case. Absent means `free`.
 */
type TextMeaning = 'free' | 'choice' | 'phone' | 'email';

/** The value of every Account info field that the record fills; a key absent here is skipped. */
export type FormValues = Partial<Record<CanonicalKey, FormValue>>;

/**
 * Turns a validated record into the values shown on the wizard in the page's language: country
 * code → country name, state code → state name, the MCA date as the locale writes it
 * (`M/D/YYYY` on en-US pages, `YYYY/MM/DD` on ja-JP pages; docs/contracts/wizard-form.md), phone in E.164,
 * booleans as checkbox states.
 *
 * @example recordToFormValues(record, 'ja').country // { type: 'text', text: 'アメリカ合衆国', matches: ['US', …] }
 */
export function recordToFormValues(record: CustomerRecord, pageLanguage: Language): FormValues {
  const values: FormValues = {};
  // Free text goes in as the person typed it: never folded (docs/contracts/csv.md §4: checked in NFKC, sent as typed).
  const text = (key: CanonicalKey, value: string | undefined, matches: string[] = [], meaning: TextMeaning = 'free'): void => {
    if (value === undefined || value.trim() === '') return;
    values[key] = { type: 'text', text: value, matches: unique([value, ...matches]), meaning };
  };

  text('associated_partner_id', record.associated_partner_id, [], 'choice');
  text('country', countryName(record.country, pageLanguage), countryAliases(record.country), 'choice');
  text('company_name', record.company_name);
  text('address_line1', record.address_line1);
  text('address_line2', record.address_line2);
  text('city', record.city);
  if (record.state !== undefined) {
    const state = resolveState(record.country, record.state);
    text('state', record.state, state ? [state.stored, state.code, state.name, ...(state.localName ? [state.localName] : []), ...(state.iso ? [state.iso] : [])] : [], 'choice');
  }
  text('postal_code', record.postal_code);
  text('organization_registration_number', record.organization_registration_number);
  text('contact_first_name', record.contact_first_name);
  text('contact_last_name', record.contact_last_name);
  text('contact_email', record.contact_email, [], 'email');
  text('contact_phone', record.contact_phone, [], 'phone');
  text('domain', record.domain);
  text('language', languageName(record.language, pageLanguage), languageAliases(record.language), 'choice');
  values.gdap_opt_in = { type: 'boolean', checked: record.gdap_opt_in };
  values.mca_accepted = { type: 'boolean', checked: record.mca !== undefined };
  if (record.mca) {
    values.mca_date = { type: 'date', iso: record.mca.date, text: formatDateForPage(record.mca.date, pageLanguage) };
    text('mca_first_name', record.mca.first_name);
    text('mca_last_name', record.mca.last_name);
    // The signer's own fields only: a signer without a phone leaves the signer's phone empty.
    text('mca_email', record.mca.email, [], 'email');
    text('mca_phone', record.mca.phone, [], 'phone');
  }
  return values;
}

/**
 * A `YYYY-MM-DD` date as a date picker of that page language takes it.
 *
 * @example formatDateForPage('2026-03-05', 'en') === '3/5/2026'
 * @example formatDateForPage('2026-03-05', 'ja') === '2026/03/05'
 */
export function formatDateForPage(isoDate: string, pageLanguage: Language): string {
  const [year, month, day] = isoDate.split('-');
  if (pageLanguage === 'ja') return `${year}/${month}/${day}`;
  return `${Number(month)}/${Number(day)}/${year}`;
}

/** The country's name in the page language, e.g. `United States of America` / `アメリカ合衆国`. */
function countryName(alpha2: string, language: Language): string {
  return countryNames(alpha2, language)[0] ?? alpha2;
}

/** Every name a country option may show: codes, library names and aliases, and the browser's own names. */
function countryAliases(alpha2: string): string[] {
  const names: string[] = [alpha2];
  for (const language of ['en', 'ja'] as const) names.push(...countryNames(alpha2, language), displayName(alpha2, language, 'region'));
  return unique(names);
}

function countryNames(alpha2: string, language: Language): readonly string[] {
  const names = COUNTRY_NAMES[language][alpha2.toUpperCase()];
  return names === undefined ? [] : typeof names === 'string' ? [names] : names;
}

/** The language's name in the page language, e.g. `Japanese` / `日本語`. */
function languageName(code: string, language: Language): string {
  return displayName(code, language, 'language') || code;
}

function languageAliases(code: string): string[] {
  return unique([code, displayName(code, 'en', 'language'), displayName(code, 'ja', 'language'), displayName(code, code, 'language')]);
}

function displayName(code: string, locale: string, type: 'region' | 'language'): string {
  try {
    return new Intl.DisplayNames([locale], { type }).of(code) ?? '';
  } catch {
    // An unknown code is not a name; the caller falls back to the code itself.
    return '';
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
