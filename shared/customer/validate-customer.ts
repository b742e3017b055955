import { getCountryRule } from '../countries/country-rules.ts';
import type { CanonicalKey } from './canonical-keys.ts';
import { checkRegistrationNumber } from './check-country-fields.ts';
import { GLOBAL_INITIAL_DOMAINS, type InitialDomainRule } from './check-domain.ts';
import { checkPartnerId } from './check-partner-id.ts';
import { checkedLength } from './checked-length.ts';
import type { CustomerRecord, RowProblem } from './customer-record.ts';
import { isNfkcStable, normalizeValue } from '../text/normalize-value.ts';
import { ProblemList } from './problem-list.ts';
import { readBoolean, readCountry, readCulture, readDomain, readEmail, readLanguage, readMcaDate, readOffers, readPhone, readPostalCode, readState } from './read-format-cells.ts';
import { requiredProblem } from './required-problem.ts';
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
 * Runs every rule of docs/contracts/csv.md §4 into `problems` (one list per file in the reader,
 * cleared for each row, so a valid row allocates none); the shared core of `validateCustomer` and
 * `validateDraft`. Returns the record when no problem was found.
 */
export function collectCustomerProblems(values: CustomerValues, options: ResolvedValidateOptions, problems: ProblemList): CustomerRecord | undefined {
  const { now, lossyEncoding: lossy } = options;
  const companyName = freeText(problems, values.company_name, 'company_name', true, lossy);
  const domain = readDomain(problems, values.domain, options.initialDomains);
  const country = readCountry(problems, values.country);
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
  const state = readState(problems, values.state, rule);
  const postalCode = readPostalCode(problems, values.postal_code, rule);

  const firstName = freeText(problems, values.contact_first_name, 'contact_first_name', true, lossy);
  const lastName = freeText(problems, values.contact_last_name, 'contact_last_name', true, lossy);
  const email = readEmail(problems, values.contact_email, 'contact_email');
  const phone = readPhone(problems, values.contact_phone, rule, 'contact_phone', rule?.phoneRequired ?? false);

  const culture = readCulture(problems, values.culture, rule);
  const language = readLanguage(problems, values.language, culture);

  const registrationValue = normalizeValue(values.organization_registration_number);
  let registrationNumber: string | undefined;
  if (rule && registrationValue !== '') registrationNumber = problems.take(checkRegistrationNumber(rule, registrationValue));
  else if (rule?.registrationNumberRequired && registrationValue === '') {
    problems.add(requiredProblem('organization_registration_number', rule.code));
  }

  const partnerValue = normalizeValue(values.associated_partner_id);
  const partnerId = partnerValue === '' ? undefined : problems.take(checkPartnerId(partnerValue));

  const offers = readOffers(problems, values.offers);
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

  const gdap = readBoolean(problems, values.gdap_opt_in, 'gdap_opt_in', true);
  const mcaAccepted = readBoolean(problems, values.mca_accepted, 'mca_accepted', false);
  let mca: CustomerRecord['mca'];
  if (mcaAccepted) {
    const date = readMcaDate(problems, values.mca_date, now);
    const signerPhone = readPhone(problems, values.mca_phone, rule, 'mca_phone', false);
    // No signer given at all: the primary contact signs, phone included. A signer that is given
    // keeps its own fields (never mixed with the contact's), and has no phone unless the row gives one.
    const signerGiven = normalizeValue(values.mca_first_name) !== '' || normalizeValue(values.mca_last_name) !== '' || normalizeValue(values.mca_email) !== '';
    let signerFirst = firstName;
    let signerLast = lastName;
    let signerEmail = email;
    let signerPhoneOrContact = normalizeValue(values.mca_phone) === '' ? phone : signerPhone;
    if (signerGiven) {
      signerFirst = freeText(problems, values.mca_first_name, 'mca_first_name', true, lossy);
      signerLast = freeText(problems, values.mca_last_name, 'mca_last_name', true, lossy);
      signerEmail = readEmail(problems, values.mca_email, 'mca_email');
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

  if (problems.count > 0) return undefined;
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
  return record;
}

/**
 * Validates and normalises one customer (docs/contracts/csv.md §4). Every field is checked; each
 * defect gives one problem on the field to fix.
 *
 * @example validateCustomer({ company_name: 'Contoso', domain: 'contoso', … }, { now })
 */
export function validateCustomer(values: CustomerValues, options: ValidateCustomerOptions = {}): ValidateCustomerResult {
  const problems = new ProblemList();
  const record = collectCustomerProblems(values, resolveValidateOptions(options), problems);
  return record ? { ok: true, record } : { ok: false, problems: problems.list() };
}
