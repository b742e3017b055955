import { SWITCHES } from './page-switches.ts';
import { STATE_NAMES } from './state-names.ts';
import type { DropdownOption } from './dropdown-v8.ts';
import { STRINGS, type Lang, type Strings } from './strings.ts';

export const TEXT_FIELDS = [
  'reseller', 'country', 'companyName', 'addressLine1', 'addressLine2', 'city', 'state', 'postal', 'registration',
  'firstName', 'lastName', 'email', 'phone', 'domain', 'language',
  'mcaDate', 'mcaFirstName', 'mcaLastName', 'mcaEmail', 'mcaPhone',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export interface CatalogRow {
  id: string;
  name: string;
  kind: 'new-commerce' | 'legacy' | 'azure-plan';
}

export interface CreatedCustomer {
  customerId: string;
  adminUser: string;
  password: string;
}

/**
 * Versions of the wizard (`?wizard=…`), each built differently, so that the extension is proven on
 * pages it was not written against: `classic` (the first replica), `v8` (Fluent v8 dropdowns with
 * focus traps, the whole step re-mounted on a country change, a date picker showing toDateString),
 * `v9` (v9 comboboxes and dropdowns in portals, aria-labelledby, long-form dates, a debounced
 * search over renamed offers), `shadow` (every section and field in nested shadow roots, named by
 * aria-label only, native selects and date inputs). Two are broken on purpose: `rewrite` changes
 * values on blur, `refuse` refuses values with a message.
 */
export const WIZARD_VARIANTS = ['classic', 'v8', 'v9', 'shadow', 'rewrite', 'refuse'] as const;
export type WizardVariant = (typeof WIZARD_VARIANTS)[number];

/** Countries whose registration ID field shows (docs/contracts/partner-center.md §6). */
export const REGISTRATION_COUNTRIES = new Set(['AM', 'AZ', 'BY', 'HU', 'KZ', 'KG', 'MD', 'RU', 'TJ', 'UZ', 'UA', 'BR', 'IN', 'ZA', 'PL', 'AE', 'SA', 'TR', 'TH', 'VN']);
const COUNTRIES = ['AU', 'BR', 'CA', 'DE', 'FR', 'GB', 'IN', 'JP', 'NZ', 'PL', 'ZA', 'US'];
const LANGUAGES = ['en', 'ja', 'de', 'fr', 'es', 'pt', 'zh'];

/** The replica's whole state: one object, re-rendered after every change, as a React page keeps it. */
export const state = {
  lang: 'en' as Lang,
  /** Page variants: `?indirect=1` (an indirect provider sees Indirect reseller), `?unlabelled=company` (a field without any label). */
  variant: { indirect: false, unlabelledCompany: false, wizard: 'classic' as WizardVariant },
  /** Values a `refuse` page refused, with its message (the value itself is dropped). */
  refused: new Map<TextField, string>(),
  values: Object.fromEntries(TEXT_FIELDS.map((field) => [field, ''])) as Record<TextField, string>,
  gdap: true,
  mca: false,
  touched: new Set<TextField>(),
  domainStatus: 'unknown' as 'unknown' | 'checking' | 'available' | 'taken',
  catalog: null as CatalogRow[] | null,
  search: '',
  selected: new Map<string, string>(),
  submitting: false,
  submitError: null as string | null,
  created: null as CreatedCustomer | null,
};

export function strings(): Strings {
  return STRINGS[state.lang];
}

export function countryOptions(): DropdownOption[] {
  const names = new Intl.DisplayNames([state.lang], { type: 'region' });
  return COUNTRIES.map((code) => ({ key: code, text: names.of(code) ?? code })).sort((a, b) => a.text.localeCompare(b.text, state.lang));
}

export function languageOptions(): DropdownOption[] {
  const names = new Intl.DisplayNames([state.lang], { type: 'language' });
  return LANGUAGES.map((code) => ({ key: code, text: names.of(code) ?? code }));
}

/** The State list of the chosen country, or null when the country takes free text. */
export function stateOptions(): DropdownOption[] | null {
  const country = state.values.country;
  const list = STATE_NAMES[country];
  if (!list) return null;
  // Partner Center takes the code for US/CA/AU and the Japanese prefecture name for JP.
  return list.map((entry) => ({ key: country === 'JP' ? entry.ja! : entry.code, text: state.lang === 'ja' && entry.ja ? entry.ja : entry.en }));
}

export function stateLabel(): string {
  const s = strings();
  return { US: s.stateUS, CA: s.stateCA, AU: s.stateAU, JP: s.stateJP }[state.values.country] ?? s.stateOther;
}

export function postalLabel(): string {
  return state.values.country === 'US' ? strings().postalUS : strings().postalOther;
}

/** Which fields show right now: some appear only after another choice. */
export function isShown(field: TextField): boolean {
  if (field === 'reseller') return state.variant.indirect;
  if (field === 'state') return state.values.country !== '';
  if (field === 'registration') return REGISTRATION_COUNTRIES.has(state.values.country);
  if (field.startsWith('mca')) return state.mca;
  return true;
}

const OPTIONAL: ReadonlySet<TextField> = new Set(['reseller', 'addressLine2', 'mcaPhone', 'phone']);

/** The validation message of a field, or null. Shown once the field was left (or Next was pressed). */
export function errorFor(field: TextField): string | null {
  if (!isShown(field)) return null;
  const refusal = state.refused.get(field);
  if (refusal) return refusal;
  const s = strings();
  const value = state.values[field].trim();
  if (value === '') {
    if (field === 'postal' && !['US', 'CA', 'JP', 'AU', 'GB', 'DE', 'FR'].includes(state.values.country)) return null;
    return OPTIONAL.has(field) && !(field === 'phone' && REGISTRATION_COUNTRIES.has(state.values.country)) ? null : s.required;
  }
  if ((field === 'email' || field === 'mcaEmail') && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return s.invalidEmail;
  if (field === 'postal') {
    const pattern = { US: /^\d{5}(-\d{4})?$/, JP: /^\d{3}-?\d{4}$/, CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i }[state.values.country];
    if (pattern && !pattern.test(value)) return s.invalidPostal;
  }
  if (field === 'domain') {
    if (!/^[a-z0-9]{1,63}$/i.test(value)) return s.taken;
    // With `?taken=status-only` only the status icon says so (domain-status.ts).
    if (state.domainStatus === 'taken' && SWITCHES.taken !== 'status-only') return s.taken;
  }
  if (field === 'mcaDate') {
    const iso = parseLocaleDate(value);
    if (!iso) return s.invalidDate;
    if (iso > new Date().toISOString().slice(0, 10)) return s.futureDate;
  }
  return null;
}

/** `M/D/YYYY` on the English page, `YYYY/MM/DD` (or `YYYY/M/D`) on the Japanese one, or ISO (what date pickers keep) → `YYYY-MM-DD`, or null. */
export function parseLocaleDate(text: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const match = state.lang === 'ja' ? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text) : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = state.lang === 'ja' ? [match[1]!, match[2]!, match[3]!] : [match[3]!, match[1]!, match[2]!];
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** Resets the wizard for a new customer. */
export function resetState(): void {
  for (const field of TEXT_FIELDS) state.values[field] = '';
  state.gdap = true;
  state.mca = false;
  state.touched.clear();
  state.refused.clear();
  state.domainStatus = 'unknown';
  state.selected.clear();
  state.search = '';
  state.submitError = null;
  state.created = null;
}
