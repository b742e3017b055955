import type { Subscription } from '../partner-center/partner-center-client.ts';
import { fail, type Checked } from '../customer/row-problem.ts';
import { sameProduct } from './same-product.ts';

/** One item of an orders-file row: licences to add (docs/contracts/csv.md §6). */
export interface LicenceItem {
  /** Upper-case catalog item id (`PRODUCT:SKU:AVAILABILITY`) or legacy offer GUID. */
  id: string;
  /** Licences to add, 1–10000. */
  quantity: number;
  /** Absent for the legacy offer and the Azure plan, which have no term. */
  term?: 'P1M' | 'P1Y' | 'P3Y';
  billingCycle: 'monthly' | 'annual';
}

/** What one item will do: raise an active subscription, or buy a new one. */
export type PlannedChange =
  | { kind: 'raise'; item: LicenceItem; subscriptionId: string; offerName?: string; from: number; to: number }
  | { kind: 'buy'; item: LicenceItem };

/**
 * Decides, per item, which of the customer's subscriptions to raise (§6): the active one of the
 * same `PRODUCT:SKU` (whatever availability follows), term and billing cycle — or exactly
 * `subscriptionId` when the row names one, which must then be of that product. None → buy.
 * Two that match → invalid, naming both, so that the row picks one with `subscription_id`.
 * The target quantity is computed here, once: the worker stores it with the row, so a replayed
 * PATCH sets the same value again.
 */
export function planLicenceChanges(items: readonly LicenceItem[], subscriptions: readonly Subscription[], subscriptionId?: string): Checked<PlannedChange[]> {
  const active = subscriptions.filter((subscription) => subscription.status === 'active');
  const picked = subscriptionId === undefined ? undefined : subscriptions.find((subscription) => subscription.id.toLowerCase() === subscriptionId.toLowerCase());
  if (subscriptionId !== undefined) {
    if (!picked) return fail('invalid_offers', 'offers', `The customer has no subscription ${subscriptionId}.`, `お客様にサブスクリプション ${subscriptionId} がありません。`);
    if (picked.status !== 'active') return fail('invalid_offers', 'offers', `Subscription ${subscriptionId} is ${picked.status}; only an active subscription can get more licences.`, `サブスクリプション ${subscriptionId} は ${picked.status} です。ライセンスを追加できるのはアクティブなサブスクリプションだけです。`);
    if (!items.some((item) => sameProduct(item.id, picked.offerId))) {
      return fail('invalid_offers', 'offers', `Subscription ${subscriptionId} is ${picked.offerName ?? picked.offerId}, which none of the row's offers is.`, `サブスクリプション ${subscriptionId} は ${picked.offerName ?? picked.offerId} で、行のどのオファーとも一致しません。`);
    }
  }
  const changes: PlannedChange[] = [];
  for (const item of items) {
    const matches = picked && sameProduct(item.id, picked.offerId) ? [picked] : active.filter((subscription) => matchesItem(subscription, item));
    if (matches.length > 1) {
      const ids = matches.map((subscription) => subscription.id).join(', ');
      return fail('invalid_offers', 'offers', `Offer ${item.id} matches ${matches.length} active subscriptions (${ids}); name the one to raise in subscription_id.`, `オファー ${item.id} に一致するアクティブなサブスクリプションが ${matches.length} 件あります（${ids}）。増やすものを subscription_id に指定してください。`);
    }
    const [match] = matches;
    changes.push(match ? { kind: 'raise', item, subscriptionId: match.id, ...(match.offerName ? { offerName: match.offerName } : {}), from: match.quantity, to: match.quantity + item.quantity } : { kind: 'buy', item });
  }
  return { ok: true, value: changes };
}

function matchesItem(subscription: Subscription, item: LicenceItem): boolean {
  return sameProduct(item.id, subscription.offerId) && subscription.term === item.term && (subscription.billingCycle ?? 'monthly') === item.billingCycle;
}
