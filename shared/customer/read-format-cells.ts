import type { CountryRule } from '../countries/country-rules.ts';
import { fastParsePhone } from '../countries/fast-parse-phone.ts';
import { normalizeValue } from '../text/normalize-value.ts';
import { CellMemo } from './cell-memo.ts';
import { checkedLength } from './checked-length.ts';
import { checkCountryValue, checkPhone, checkPostalCode, checkState } from './check-country-fields.ts';
import { checkDomain, isPlainDomainPrefix, type InitialDomainRule } from './check-domain.ts';
import { checkEmail, isAcceptedEmail } from './check-email.ts';
import { checkCulture, checkLanguage } from './check-locale.ts';
import { checkMcaDate, isLaterThanToday, parseMcaDate } from './check-mca-date.ts';
import { checkOffers } from './check-offers.ts';
import type { OfferItem } from './customer-record.ts';
import { parseBoolean } from './parse-boolean.ts';
import type { ProblemList } from './problem-list.ts';
import { requiredProblem } from './required-problem.ts';

// The fields with a format (docs/contracts/csv.md §4), read from the cells as written. Each reader
// gives the value to store, or undefined after adding the field's problem, exactly as the check
// of the normalised value would (`read-format-cells.test.ts` compares them). They spare the
// common cell the normalisation and the check: a cell that is already in its stored form is
// taken as it is, and the cells that repeat down a file (country, state, culture, language,
// offers, yes/no, dates) are checked once per spelling.

const COUNTRIES = new CellMemo<string>();
/** By country: a state's spelling means different states in different countries. */
const STATES = new Map<string, CellMemo<string>>();
const CULTURES = new CellMemo<string>();
const LANGUAGES = new CellMemo<string>();
const OFFERS = new CellMemo<readonly OfferItem[]>();
const BOOLEANS = new CellMemo<boolean>();
const DATES = new CellMemo<string>();

/** The domain prefix (a stored prefix such as `contoso` is taken as it is). */
export function readDomain(problems: ProblemList, cell: string | undefined, initialDomains: InitialDomainRule): string | undefined {
  if (cell !== undefined && isPlainDomainPrefix(cell)) return cell;
  const value = normalizeValue(cell);
  if (value === '') {
    problems.add(requiredProblem('domain'));
    return undefined;
  }
  return problems.take(checkDomain(value, initialDomains));
}

/** An e-mail address (one that `checkEmail` accepts as written is taken as it is). */
export function readEmail(problems: ProblemList, cell: string | undefined, field: 'contact_email' | 'mca_email'): string | undefined {
  if (cell !== undefined && isAcceptedEmail(cell)) return cell;
  const value = normalizeValue(cell);
  if (value === '') {
    problems.add(requiredProblem(field));
    return undefined;
  }
  return problems.take(checkEmail(value, field));
}

/** The ISO alpha-2 code of a country cell. */
export function readCountry(problems: ProblemList, cell: string | undefined): string | undefined {
  const known = COUNTRIES.get(cell);
  if (known !== undefined) return known;
  const value = normalizeValue(cell);
  if (value === '') {
    problems.add(requiredProblem('country'));
    return undefined;
  }
  const checked = checkCountryValue(value);
  if (checked.ok) COUNTRIES.set(cell!, checked.value);
  return problems.take(checked);
}

/**
 * The state: the stored value where the country has a list, else the free text. Checked only once
 * the country is known (one defect, one problem), but its length always.
 */
export function readState(problems: ProblemList, cell: string | undefined, rule: CountryRule | undefined): string | undefined {
  const memo = rule?.states && cell !== undefined ? stateMemo(rule.code) : undefined;
  const known = memo?.get(cell);
  if (known !== undefined) return known;
  const text = normalizeValue(cell);
  const value = checkedLength(problems, text, 'state', false);
  if (rule && value !== undefined) {
    const checked = checkState(rule, value);
    if (checked.ok) memo?.set(cell!, checked.value);
    return problems.take(checked);
  }
  if (rule?.stateRequired && text === '') problems.add(requiredProblem('state', rule.code));
  return undefined;
}

function stateMemo(country: string): CellMemo<string> {
  let memo = STATES.get(country);
  if (!memo) {
    memo = new CellMemo();
    STATES.set(country, memo);
  }
  return memo;
}

/** The postal code in its stored form (a cell written in that form is taken as it is). */
export function readPostalCode(problems: ProblemList, cell: string | undefined, rule: CountryRule | undefined): string | undefined {
  if (cell !== undefined && rule?.postalCode?.stored?.test(cell)) return cell;
  const value = normalizeValue(cell);
  if (rule && value !== '') return problems.take(checkPostalCode(rule, value));
  if (rule?.postalCode && value === '') problems.add(requiredProblem('postal_code', rule.code));
  return undefined;
}

/**
 * A phone number in E.164. The fast parse accepts only digits, `+` and formatting characters,
 * whose compact form NFKC and trimming cannot change, so it may read the cell as written.
 */
export function readPhone(problems: ProblemList, cell: string | undefined, rule: CountryRule | undefined, field: 'contact_phone' | 'mca_phone', required: boolean): string | undefined {
  if (rule && cell !== undefined) {
    const fast = fastParsePhone(rule.code, cell);
    if (fast !== undefined) return fast;
  }
  const value = normalizeValue(cell);
  if (rule && value !== '') return problems.take(checkPhone(rule, value, field));
  if (rule && required && value === '') problems.add(requiredProblem(field, rule.code));
  return undefined;
}

/** The culture in canonical case; empty gives the country's default. */
export function readCulture(problems: ProblemList, cell: string | undefined, rule: CountryRule | undefined): string | undefined {
  const known = CULTURES.get(cell);
  if (known !== undefined) return known;
  const value = normalizeValue(cell);
  if (value === '') return rule?.defaultCulture ?? 'en-US';
  const checked = checkCulture(value);
  if (checked.ok) CULTURES.set(cell!, checked.value);
  return problems.take(checked);
}

/** The ISO 639-1 language; empty gives the culture's language. */
export function readLanguage(problems: ProblemList, cell: string | undefined, culture: string | undefined): string | undefined {
  const known = LANGUAGES.get(cell);
  if (known !== undefined) return known;
  const value = normalizeValue(cell);
  if (value === '') return culture === undefined ? undefined : languageOf(culture);
  const checked = checkLanguage(value);
  if (checked.ok) LANGUAGES.set(cell!, checked.value);
  return problems.take(checked);
}

/** The language subtag of a culture (`ja-JP` → `ja`), without the array of a split. */
function languageOf(culture: string): string {
  const dash = culture.indexOf('-');
  return dash < 0 ? culture : culture.slice(0, dash);
}

/** The offers of a row, each record with its own items (the memo's are never handed out). */
export function readOffers(problems: ProblemList, cell: string | undefined): OfferItem[] | undefined {
  const known = OFFERS.get(cell);
  if (known !== undefined) return copyOffers(known);
  const value = normalizeValue(cell);
  const checked = checkOffers(value);
  if (checked.ok && value !== '') OFFERS.set(cell!, copyOffers(checked.value));
  return problems.take(checked);
}

function copyOffers(offers: readonly OfferItem[]): OfferItem[] {
  const copy: OfferItem[] = new Array(offers.length);
  for (let index = 0; index < offers.length; index++) copy[index] = { id: offers[index]!.id, quantity: offers[index]!.quantity };
  return copy;
}

/** A yes/no value; blank gives `fallback`. */
export function readBoolean(problems: ProblemList, cell: string | undefined, field: 'gdap_opt_in' | 'mca_accepted', fallback: boolean): boolean | undefined {
  const known = BOOLEANS.get(cell);
  if (known !== undefined) return known;
  const value = normalizeValue(cell);
  const checked = parseBoolean(value, field, fallback);
  if (checked.ok && value !== '') BOOLEANS.set(cell!, checked.value);
  return problems.take(checked);
}

/** The MCA date as `YYYY-MM-DD`, required (mca_accepted is true) and not in the future. */
export function readMcaDate(problems: ProblemList, cell: string | undefined, now: Date): string | undefined {
  let iso = DATES.get(cell);
  if (iso === undefined) {
    const value = normalizeValue(cell);
    if (value === '') {
      problems.add(requiredProblem('mca_date'));
      return undefined;
    }
    iso = parseMcaDate(value);
    if (iso === undefined) return problems.take(checkMcaDate(value, now));
    DATES.set(cell!, iso);
  }
  // The memo holds the date as written; whether it has begun depends on `now`.
  return isLaterThanToday(iso, now) ? problems.take(checkMcaDate(normalizeValue(cell), now)) : iso;
}
