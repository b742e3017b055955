import { mapHeader } from '../csv/map-header.ts';
import { HEADER_ALIASES } from '../csv/header-aliases.ts';
import { normalizeHeaderName } from '../csv/normalize-header-name.ts';

/** The columns of an orders file (docs/contracts/csv.md §6). */
export type OrderKey = 'customer' | 'offers' | 'term' | 'billing_cycle' | 'subscription_id';

export const REQUIRED_ORDER_KEYS: readonly OrderKey[] = ['customer', 'offers'];

/** The header aliases of docs/contracts/csv.md §6, besides the key itself. */
const ORDER_ALIASES: Readonly<Record<OrderKey, readonly string[]>> = {
  customer: ['Customer', 'Customer ID', 'Microsoft ID', 'Tenant ID', 'Domain', '顧客', '顧客 ID', 'テナント ID', 'ドメイン'],
  offers: HEADER_ALIASES.offers,
  term: HEADER_ALIASES.term,
  billing_cycle: HEADER_ALIASES.billing_cycle,
  subscription_id: ['Subscription', 'Subscription ID', 'サブスクリプション ID'],
};

const BY_NAME = new Map<string, OrderKey>();
for (const [key, aliases] of Object.entries(ORDER_ALIASES) as [OrderKey, readonly string[]][]) {
  for (const name of [key, ...aliases]) BY_NAME.set(normalizeHeaderName(name), key);
}

/** The orders column a header cell names, or null (unknown, `pc_*` result column, or empty). */
export function orderKeyOf(name: string): OrderKey | null {
  const trimmed = name.normalize('NFKC').trim();
  if (trimmed === '' || trimmed.toLowerCase().startsWith('pc_')) return null;
  return BY_NAME.get(normalizeHeaderName(trimmed)) ?? null;
}

/**
 * Which kind of file a header line starts: an orders file has a `customer` column and no company
 * name (docs/contracts/csv.md §6); anything else is read as a customer file, whose reader
 * says what is missing.
 *
 * @example fileKindOf(['Customer', 'Offers']) // 'orders'
 */
export function fileKindOf(columns: readonly string[]): 'customers' | 'orders' {
  if (mapHeader(columns).keys.includes('company_name')) return 'customers';
  return columns.some((column) => orderKeyOf(column) === 'customer') ? 'orders' : 'customers';
}
