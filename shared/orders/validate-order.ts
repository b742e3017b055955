import { checkDomain } from '../customer/check-domain.ts';
import { ANY_CLOUD_INITIAL_DOMAINS } from '../partner-center/initial-domain-rules.ts';
import { checkOffers } from '../customer/check-offers.ts';
import type { ErrorField } from '../customer/canonical-keys.ts';
import type { RowProblem } from '../customer/customer-record.ts';
import { normalizeValue } from '../text/normalize-value.ts';
import { fail, quote } from '../customer/row-problem.ts';
import type { OrderKey } from './order-header.ts';
import type { LicenceItem } from './plan-licence-changes.ts';

/** The customer an order is for: its tenant id, or its initial-domain prefix. */
export type OrderCustomer = { kind: 'tenant'; value: string } | { kind: 'domain'; value: string };

/** A valid row of an orders file (docs/contracts/csv.md §6). */
export interface Order {
  customer: OrderCustomer;
  items: LicenceItem[];
  subscriptionId?: string;
}

/** A problem of an orders row; it may point at the orders file's own columns (customer, subscription_id). */
type OrderProblem = Omit<RowProblem, 'field'> & { field?: ErrorField };

export type OrderOutcome = { ok: true; order: Order } | { ok: false; status: 'invalid'; problem: OrderProblem };

/** `fail` for the orders file's own columns, which a customer file does not have. */
function failAt(field: 'customer' | 'subscription_id', code: RowProblem['code'], en: string, ja: string): { ok: false; problem: OrderProblem } {
  return { ok: false, problem: { ...fail(code, undefined, en, ja).problem, field } };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Offers without a term, billed monthly: a legacy offer (a GUID) and the Azure plan. */
const AZURE_PLAN = 'DZH318Z0BQ3Q:0001:DZH318Z0BQ3R';
const TERMS: ReadonlyMap<string, 'P1M' | 'P1Y' | 'P3Y'> = new Map([['p1m', 'P1M'], ['p1y', 'P1Y'], ['p3y', 'P3Y']]);
const CYCLES: ReadonlyMap<string, 'monthly' | 'annual'> = new Map([['monthly', 'monthly'], ['annual', 'annual']]);

function checkCustomer(value: string): { ok: true; value: OrderCustomer } | { ok: false; problem: OrderProblem } {
  if (value === '') {
    return failAt('customer', 'required', 'The customer is empty. Write the customer\'s tenant id (GUID) or its initial domain (e.g. contoso or contoso.onmicrosoft.com).', '顧客が空です。顧客のテナント ID（GUID）または初期ドメイン（例: contoso または contoso.onmicrosoft.com）を入力してください。');
  }
  if (GUID.test(value)) return { ok: true, value: { kind: 'tenant', value: value.toLowerCase() } };
  // The orders file does not know its cloud; the customer is looked up in the import's cloud.
  const domain = checkDomain(value, ANY_CLOUD_INITIAL_DOMAINS);
  if (domain.ok) return { ok: true, value: { kind: 'domain', value: domain.value } };
  return failAt(
    'customer',
    'invalid_customer',
    `Customer ${quote(value)} is neither a tenant id (GUID) nor an initial domain. Write the tenant id, or the domain prefix (e.g. contoso) or contoso.onmicrosoft.com.`,
    `顧客 ${quote(value)} はテナント ID（GUID）でも初期ドメインでもありません。テナント ID、またはドメイン プレフィックス（例: contoso）か contoso.onmicrosoft.com を入力してください。`,
  );
}

function hasNoTerm(id: string): boolean {
  return GUID.test(id) || id === AZURE_PLAN;
}

/**
 * Validates one row of an orders file (docs/contracts/csv.md §6): the customer, the offers
 * to add (§4's syntax, the quantity is the licences to add), term and billing cycle as §4
 * (P1M and monthly when empty, P1M never annual), and an optional subscription id.
 */
export function validateOrder(values: Partial<Record<OrderKey, string>>): OrderOutcome {
  const invalid = (problem: OrderProblem): OrderOutcome => ({ ok: false, status: 'invalid', problem });
  const customer = checkCustomer(normalizeValue(values.customer));
  if (!customer.ok) return invalid(customer.problem);

  const offersValue = normalizeValue(values.offers);
  if (offersValue === '') {
    return invalid(fail('required', 'offers', 'The offers are empty. Write the offers to add, e.g. CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*5.', 'サブスクリプションが空です。追加するオファーを入力してください（例: CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*5）。').problem);
  }
  const offers = checkOffers(offersValue);
  if (!offers.ok) return invalid(offers.problem);

  const termValue = normalizeValue(values.term);
  const cycleValue = normalizeValue(values.billing_cycle);
  const term = termValue === '' ? 'P1M' : TERMS.get(termValue.toLowerCase());
  const cycle = cycleValue === '' ? 'monthly' : CYCLES.get(cycleValue.toLowerCase());
  if (!term) {
    return invalid(fail('invalid_term', 'term', `Term ${quote(termValue)} is not P1M, P1Y or P3Y. Write one of them, or leave it empty for P1M.`, `期間 ${quote(termValue)} は P1M、P1Y、P3Y のいずれでもありません。いずれかを入力するか、空欄（P1M）にしてください。`).problem);
  }
  if (!cycle) {
    return invalid(fail('invalid_billing_cycle', 'billing_cycle', `Billing cycle ${quote(cycleValue)} is not monthly or annual. Write one of them, or leave it empty for monthly.`, `請求サイクル ${quote(cycleValue)} は monthly または annual ではありません。いずれかを入力するか、空欄（monthly）にしてください。`).problem);
  }
  if (term === 'P1M' && cycle === 'annual') {
    return invalid(fail('invalid_billing_cycle', 'billing_cycle', 'A one-month term (P1M) cannot be billed annually. Write monthly, or choose the term P1Y or P3Y.', '1 か月の期間（P1M）は年払いにできません。monthly にするか、期間を P1Y または P3Y にしてください。').problem);
  }

  const subscriptionValue = normalizeValue(values.subscription_id);
  if (subscriptionValue !== '' && !GUID.test(subscriptionValue)) {
    return invalid(failAt('subscription_id', 'invalid_subscription_id', `Subscription id ${quote(subscriptionValue)} is not a GUID. Copy the id from Partner Center, or leave it empty.`, `サブスクリプション ID ${quote(subscriptionValue)} は GUID ではありません。パートナー センターから ID をコピーするか、空欄にしてください。`).problem);
  }

  const items: LicenceItem[] = offers.value.map(({ id, quantity }) => (hasNoTerm(id) ? { id, quantity, billingCycle: 'monthly' } : { id, quantity, term, billingCycle: cycle }));
  const order: Order = { customer: customer.value, items };
  if (subscriptionValue !== '') order.subscriptionId = subscriptionValue.toLowerCase();
  return { ok: true, order };
}
