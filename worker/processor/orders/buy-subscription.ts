import type { OrderLine, PlacedOrder } from '../../../shared/partner-center/partner-center-client.ts';
import type { PlannedChange } from '../../../shared/orders/plan-licence-changes.ts';
import { sameProduct } from '../../../shared/orders/same-product.ts';
import { createCartStep, placeOrders, type PurchaseContext } from '../place-orders-step.ts';
import type { OrderRowContext } from './order-row-context.ts';
import type { FirstAttempt } from '../unconfirmed-write.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AZURE_PLAN = 'DZH318Z0BQ3Q:0001:DZH318Z0BQ3R';

/** Where a purchase of the row stands, persisted with the row after each call that may commit. */
export interface PurchaseProgress {
  cartId?: string;
  saveCart(cartId: string): Promise<void>;
  /** Stores the time of the item's first checkout or legacy order, unless stored already (then: a lost answer may have bought already). */
  firstAttempt(): Promise<FirstAttempt>;
}

/**
 * Buys a new subscription for one item (docs/contracts/csv.md §6) the way a customer row buys
 * its offers: a cart and its checkout (a legacy offer: an order), each call with the item's own
 * deterministic request id, and the customer pipeline's recovery of a lost checkout answer.
 * Returns the new subscription's id (the order's id when the answer names none).
 */
export async function buySubscription(context: OrderRowContext, customerId: string, change: Extract<PlannedChange, { kind: 'buy' }>, item: number, progress: PurchaseProgress): Promise<string> {
  const purchase: PurchaseContext = { ...context, item, call: (step) => (step === undefined ? context.call() : context.call(`item-${item}-${step}`)) };
  const { id, quantity, term, billingCycle } = change.item;
  const lines: { cart: OrderLine[]; legacy: OrderLine[] } = { cart: [], legacy: [] };
  if (GUID.test(id)) lines.legacy.push({ id, quantity });
  else if (id === AZURE_PLAN) lines.cart.push({ id, quantity: 1, billingCycle: 'monthly' });
  else lines.cart.push({ id, quantity, ...(term ? { term } : {}), billingCycle });
  let cartId = progress.cartId;
  if (!cartId && lines.cart.length > 0) {
    cartId = await createCartStep(purchase, customerId, lines.cart);
    if (cartId) await progress.saveCart(cartId);
  }
  const orders = await placeOrders(purchase, customerId, cartId, lines, await progress.firstAttempt());
  return newSubscriptionOf(orders, id) ?? orders.at(-1)?.id ?? '';
}

/** The subscription an order line of this offer created: the latest such line. */
function newSubscriptionOf(orders: readonly PlacedOrder[], offerId: string): string | undefined {
  return orders
    .flatMap((order) => order.lineItems)
    .filter((line) => sameProduct(offerId, line.offerId) && line.subscriptionId)
    .at(-1)?.subscriptionId;
}
