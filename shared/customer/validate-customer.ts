import { getCountryRule } from '../countries/country-rules.ts';
import type { CanonicalKey } from './canonical-keys.ts';
import { checkCountryValue, checkPhone, checkPostalCode, checkRegistrationNumber, checkState } from './check-country-fields.ts';
import { checkDomain, GLOBAL_INITIAL_DOMAINS, type InitialDomainRule } from './check-domain.ts';
import { checkEmail } from './check-email.ts';
import { checkCulture, checkLanguage } from './check-locale.ts';
import { checkMcaDate } from './check-mca-date.ts';
import { checkOffers } from './check-offers.ts';
import { checkPartnerId } from './check-partner-id.ts';
import type { CustomerRecord, RowProblem } from './customer-record.ts';
import { isNfkcStable, normalizeValue } from '../text/normalize-value.ts';
import { parseBoolean } from './parse-boolean.ts';
import { FIELD_LABELS, LENGTH_LIMITS } from './field-limits.ts';
import { ProblemList } from './problem-list.ts';
import { quote, rowProblem } from './row-problem.ts';
import { hasLostCharacter, lostCharacterProblem } from './lost-character.ts';

/** The raw (untrimmed) cell values of one row or form, by canonical key. */
export type CustomerValues = Partial<Record<CanonicalKey, string>>;

export interface ValidateCustomerOptions {
  /** The current time for the MCA date rule; injected by tests. @default new Date() */
  now?: Date;
  /**
   * A row with offers needs the MCA attestation: true in a cloud where the agreement exists (the
   * global one; the caller asks its cloud's configuration). @default true
   */
  mcaRequired?: boolean;
  /**
   * The values come from a file decoded as CP932 or Windows-1252 (Excel's plain "CSV"), where a
   * `?` between two letters of a free-text cell is a lost character. @default false
   */
  lossyEncoding?: boolean;
  /**
   * The initial domains of the cloud the customer is created in: its suffix is accepted, another
   * cloud's refused (the caller asks its cloud's configuration: `initialDomainRule(cloud)`).
   * @default the global cloud's
   */
  initialDomains?: InitialDomainRule;
}

/** The options with their defaults filled in. */
export interface ResolvedValidateOptions {
  now: Date;
  mcaRequired: boolean;
  lossyEncoding: boolean;
  initialDomains: InitialDomainRule;
}

export function resolveValidateOptions(options: ValidateCustomerOptions): ResolvedValidateOptions {
  return {
    now: options.now ?? new Date(),
    mcaRequired: options.mcaRequired ?? true,
    lossyEncoding: options.lossyEncoding ?? false,
    initialDomains: options.initialDomains ?? GLOBAL_INITIAL_DOMAINS,
  };
}

export type ValidateCustomerResult =
  | { ok: true; record: CustomerRecord }
  /** Problems in canonical key order, one per field at most; `problems[0]` decides the row status. */
  | { ok: false; problems: RowProblem[] };

const TERMS: ReadonlyMap<string, CustomerRecord['term']> = new Map([['p1m', 'P1M'], ['p1y', 'P1Y'], ['p3y', 'P3Y']]);
const CYCLES: ReadonlyMap<string, CustomerRecord['billing_cycle']> = new Map([['monthly', 'monthly'], ['annual', 'annual']]);

/** The language subtag of a culture (`ja-JP` → `ja`), without the array of a split. */
function languageOf(culture: string): string {
  const dash = culture.indexOf('-');
  return dash < 0 ? culture : culture.slice(0, dash);
}

function requiredProblem(field: CanonicalKey, country?: string): RowProblem {
  const label = FIELD_LABELS[field];
  if (field === 'mca_date') {
    return rowProblem('required', field, 'Agreement date is required when mca_accepted is true. Fill in the date the customer accepted (YYYY-MM-DD).', '顧客契約同意が true の場合、同意日は必須です。同意した日付（YYYY-MM-DD）を入力してください。');
  }
  if (field === 'mca_first_name' || field === 'mca_last_name' || field === 'mca_email') {
    return rowProblem(
      'required',
      field,
      `${label.en} is required when other signer fields are given. Fill it in, or leave all signer fields empty to make the primary contact the signer.`,
      `同意者の他の項目が入力されている場合、${label.ja}は必須です。入力するか、同意者の項目をすべて空欄にして主要連絡先を同意者にしてください。`,
    );
  }
  return country
    ? rowProblem('required', field, `${label.en} is required for customers in ${country}. Fill it in.`, `${country} の顧客では${label.ja}は必須です。入力してください。`)
    : rowProblem('required', field, `${label.en} is required. Fill it in.`, `${label.ja}は必須です。入力してください。`);
}

/** The shortest of LENGTH_LIMITS: a shorter value needs no look-up. */
const SHORTEST_LIMIT = Math.min(...Object.values(LENGTH_LIMITS));

/**
 * Free text (company name, names, address lines, city): checked in NFKC like every value, but
 * kept as written, trimmed, so `株式会社ＨＸ７` is sent and filled as typed (docs/contracts/csv.md §4).
 * In a CP932 or Windows-1252 file a `?` between two letters is a lost character. Takes the raw
 * value (read by name at the call site) rather than `values[field]`: a load by a variable key is
 * megamorphic, and this runs for seven fields of every row.
 */
function freeText(problems: ProblemList, raw: string | undefined, field: CanonicalKey, required: boolean, lossy: boolean): string | undefined {
  if (raw === undefined || raw === '') return checkedLength(problems, '', field, required);
  // `normalizeValue` with the one trim shared: where NFKC changes nothing, the NFKC value is the written one.
  const written = raw.trim();
  const value = isNfkcStable(raw) ? written : raw.normalize('NFKC').trim();
  if (checkedLength(problems, value, field, required) === undefined) return undefined;
  if (lossy && hasLostCharacter(written)) {
    problems.add(lostCharacterProblem(field, written));
    return undefined;
  }
  return written;
}

/**
 * A normalised text value (`normalizeValue`) when it passes the empty and Partner Center length
 * rules, else undefined (the problem is added; empty → `required` when required).
 */
function checkedLength(problems: ProblemList, value: string, field: CanonicalKey, required: boolean): string | undefined {
  if (value === '') {
    if (required) problems.add(requiredProblem(field));
    return undefined;
  }
  const limit = value.length > SHORTEST_LIMIT ? LENGTH_LIMITS[field] : undefined;
  if (limit !== undefined && value.length > limit) {
    const label = FIELD_LABELS[field];
    problems.add(
      rowProblem(
        'too_long',
        field,
        `${label.en} has ${value.length} characters; Partner Center accepts at most ${limit}. Shorten it.`,
        `${label.ja}が ${value.length} 文字あります。Partner Center の上限は ${limit} 文字です。短くしてください。`,
      ),
    );
    return undefined;
  }
  return value;
}

/** Runs every rule of docs/contracts/csv.md §4; the shared core of `validateCustomer` and `validateDraft`. */
export function collectCustomerProblems(values: CustomerValues, options: ResolvedValidateOptions): { problems: ProblemList; record?: CustomerRecord } {
  const { now, lossyEncoding: lossy } = options;
  const problems = new ProblemList();
  const companyName = freeText(problems, values.company_name, 'company_name', true, lossy);
  const domainValue = normalizeValue(values.domain);
  const domain = domainValue === '' ? (problems.add(requiredProblem('domain')), undefined) : problems.take(checkDomain(domainValue, options.initialDomains));
  const countryValue = normalizeValue(values.country);
  const country = countryValue === '' ? (problems.add(requiredProblem('country')), undefined) : problems.take(checkCountryValue(countryValue));
  const rule = country === undefined ? undefined : getCountryRule(country);

  const addressLine1 = freeText(problems, values.address_line1, 'address_line1', true, lossy);
  const addressLine2 = freeText(problems, values.address_line2, 'address_line2', false, lossy);
  const addressLine3 = freeText(problems, values.address_line3, 'address_line3', false, lossy);
  const city = freeText(problems, values.city, 'city', true, lossy);
  // Partner Center has no third address line: it is sent joined onto line 2, within line 2's limit.
  if (addressLine2 !== undefined && addressLine3 !== undefined && addressLine2.length + 1 + addressLine3.length > 200) {
    problems.add(
      rowProblem(
        'too_long',
        'address_line3',
        `Address lines 2 and 3 together have ${addressLine2.length + 1 + addressLine3.length} characters; Partner Center takes them as one line of at most 200. Shorten them.`,
        `住所 2 と住所 3 は合わせて ${addressLine2.length + 1 + addressLine3.length} 文字です。Partner Center では 1 行（200 文字以内）として送信されます。短くしてください。`,
      ),
    );
  }

  // Country-dependent fields are checked only once the country is known: one defect, one problem.
  const stateText = normalizeValue(values.state);
  const stateValue = checkedLength(problems, stateText, 'state', false);
  let state: string | undefined;
  if (rule && stateValue !== undefined) state = problems.take(checkState(rule, stateValue));
  else if (rule?.stateRequired && stateText === '') problems.add(requiredProblem('state', rule.code));
  const postalValue = normalizeValue(values.postal_code);
  let postalCode: string | undefined;
  if (rule && postalValue !== '') postalCode = problems.take(checkPostalCode(rule, postalValue));
  else if (rule?.postalCode && postalValue === '') problems.add(requiredProblem('postal_code', rule.code));

  const firstName = freeText(problems, values.contact_first_name, 'contact_first_name', true, lossy);
  const lastName = freeText(problems, values.contact_last_name, 'contact_last_name', true, lossy);
  const emailValue = normalizeValue(values.contact_email);
  const email = emailValue === '' ? (problems.add(requiredProblem('contact_email')), undefined) : problems.take(checkEmail(emailValue, 'contact_email'));
  const phoneValue = normalizeValue(values.contact_phone);
  let phone: string | undefined;
  if (rule && phoneValue !== '') phone = problems.take(checkPhone(rule, phoneValue, 'contact_phone'));
  else if (rule?.phoneRequired && phoneValue === '') problems.add(requiredProblem('contact_phone', rule.code));

  const cultureValue = normalizeValue(values.culture);
  const culture = cultureValue === '' ? (rule?.defaultCulture ?? 'en-US') : problems.take(checkCulture(cultureValue));
  const languageValue = normalizeValue(values.language);
  const language = languageValue === '' ? (culture === undefined ? undefined : languageOf(culture)) : problems.take(checkLanguage(languageValue));

  const registrationValue = normalizeValue(values.organization_registration_number);
  let registrationNumber: string | undefined;
  if (rule && registrationValue !== '') registrationNumber = problems.take(checkRegistrationNumber(rule, registrationValue));
  else if (rule?.registrationNumberRequired && registrationValue === '') {
    problems.add(requiredProblem('organization_registration_number', rule.code));
  }

  const partnerValue = normalizeValue(values.associated_partner_id);
  const partnerId = partnerValue === '' ? undefined : problems.take(checkPartnerId(partnerValue));

  const offers = problems.take(checkOffers(normalizeValue(values.offers)));
  let term: CustomerRecord['term'] = 'P1M';
  let billingCycle: CustomerRecord['billing_cycle'] = 'monthly';
  // Term and billing cycle matter only when there is something to order.
  if (offers && offers.length > 0) {
    const termValue = normalizeValue(values.term);
    const cycleValue = normalizeValue(values.billing_cycle);
    const parsedTerm = termValue === '' ? 'P1M' : TERMS.get(termValue.toLowerCase());
    const parsedCycle = cycleValue === '' ? 'monthly' : CYCLES.get(cycleValue.toLowerCase());
    if (!parsedTerm) {
      problems.add(rowProblem('invalid_term', 'term', `Term ${quote(termValue)} is not P1M, P1Y or P3Y. Write one of them, or leave it empty for P1M.`, `期間 ${quote(termValue)} は P1M、P1Y、P3Y のいずれでもありません。いずれかを入力するか、空欄（P1M）にしてください。`));
    } else term = parsedTerm;
    if (!parsedCycle) {
      problems.add(rowProblem('invalid_billing_cycle', 'billing_cycle', `Billing cycle ${quote(cycleValue)} is not monthly or annual. Write one of them, or leave it empty for monthly.`, `請求サイクル ${quote(cycleValue)} は monthly または annual ではありません。いずれかを入力するか、空欄（monthly）にしてください。`));
    } else if (parsedTerm === 'P1M' && parsedCycle === 'annual') {
      problems.add(rowProblem('invalid_billing_cycle', 'billing_cycle', 'A one-month term (P1M) cannot be billed annually. Write monthly, or choose the term P1Y or P3Y.', '1 か月の期間（P1M）は年払いにできません。monthly にするか、期間を P1Y または P3Y にしてください。'));
    } else billingCycle = parsedCycle;
  }

  const gdap = problems.take(parseBoolean(normalizeValue(values.gdap_opt_in), 'gdap_opt_in', true));
  const mcaAccepted = problems.take(parseBoolean(normalizeValue(values.mca_accepted), 'mca_accepted', false));
  let mca: CustomerRecord['mca'];
  if (mcaAccepted) {
    const dateValue = normalizeValue(values.mca_date);
    const date = dateValue === '' ? (problems.add(requiredProblem('mca_date', undefined)), undefined) : problems.take(checkMcaDate(dateValue, now));
    const signerEmailValue = normalizeValue(values.mca_email);
    const signerPhoneValue = normalizeValue(values.mca_phone);
    const signerPhone = rule && signerPhoneValue !== '' ? problems.take(checkPhone(rule, signerPhoneValue, 'mca_phone')) : undefined;
    // No signer given at all: the primary contact signs, phone included. A signer that is given
    // keeps its own fields (never mixed with the contact's), and has no phone unless the row gives one.
    const signerGiven = normalizeValue(values.mca_first_name) !== '' || normalizeValue(values.mca_last_name) !== '' || signerEmailValue !== '';
    let signerFirst = firstName;
    let signerLast = lastName;
    let signerEmail = email;
    let signerPhoneOrContact = signerPhoneValue === '' ? phone : signerPhone;
    if (signerGiven) {
      signerFirst = freeText(problems, values.mca_first_name, 'mca_first_name', true, lossy);
      signerLast = freeText(problems, values.mca_last_name, 'mca_last_name', true, lossy);
      signerEmail = signerEmailValue === '' ? (problems.add(requiredProblem('mca_email')), undefined) : problems.take(checkEmail(signerEmailValue, 'mca_email'));
      signerPhoneOrContact = signerPhone;
    }
    if (date && signerFirst && signerLast && signerEmail) {
      mca = { date, first_name: signerFirst, last_name: signerLast, email: signerEmail };
      if (signerPhoneOrContact) mca.phone = signerPhoneOrContact;
    }
  }
  // Partner Center refuses purchases for a customer without the attestation (docs/contracts/partner-center.md §0.14).
  if (options.mcaRequired && mcaAccepted === false && offers !== undefined && offers.length > 0) {
    problems.add(
      rowProblem(
        'mca_required',
        'mca_accepted',
        'This row orders offers, and Partner Center refuses purchases until the Microsoft Customer Agreement is attested. Set mca_accepted to true and fill in mca_date (the date the customer accepted), or remove the offers.',
        'この行はオファーを注文しますが、Microsoft 顧客契約の同意確認がないと Partner Center は購入を拒否します。mca_accepted を true にして mca_date（お客様が同意した日付）を入力するか、offers を削除してください。',
      ),
    );
  }

  if (problems.count > 0) return { problems };
  const record: CustomerRecord = {
    company_name: companyName!,
    domain: domain!,
    country: country!,
    address_line1: addressLine1!,
    city: city!,
    contact_first_name: firstName!,
    contact_last_name: lastName!,
    contact_email: email!,
    culture: culture!,
    language: language!,
    offers: offers!,
    term,
    billing_cycle: billingCycle,
    gdap_opt_in: gdap!,
  };
  if (addressLine2 !== undefined) record.address_line2 = addressLine2;
  if (addressLine3 !== undefined) record.address_line3 = addressLine3;
  if (state !== undefined) record.state = state;
  if (postalCode !== undefined) record.postal_code = postalCode;
  if (phone !== undefined) record.contact_phone = phone;
  if (registrationNumber !== undefined) record.organization_registration_number = registrationNumber;
  if (partnerId !== undefined) record.associated_partner_id = partnerId;
  if (mca) record.mca = mca;
  return { problems, record };
}

/**
 * Validates and normalises one customer (docs/contracts/csv.md §4). Every field is checked; each
 * defect gives one problem on the field to fix.
 *
 * @example validateCustomer({ company_name: 'Contoso', domain: 'contoso', … }, { now })
 */
export function validateCustomer(values: CustomerValues, options: ValidateCustomerOptions = {}): ValidateCustomerResult {
  const { problems, record } = collectCustomerProblems(values, resolveValidateOptions(options));
  return record ? { ok: true, record } : { ok: false, problems: problems.list() };
}
