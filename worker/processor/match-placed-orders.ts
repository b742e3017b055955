import type { OrderLine, PlacedOrder } from '../../shared/partner-center/partner-center-client.ts';
import { sameProduct } from '../../shared/orders/same-product.ts';
import type { OtherPurchases } from '../store/order-claims.ts';

/**
 * How far apart the worker's clock and Partner Center's may be: an order created up to this long
 * before the row's first purchase call (by the worker's clock) may still be the row's own. An
 * order of another row in that minute is told apart by the claims (`OtherPurchases`).
 */
const CLOCK_SKEW_MS = 60_000;

/**
 * The orders created since a row's first purchase call, less the clock skew
 * (docs/contracts/partner-center.md §0.20): only they can be the row's. An order without a
 * creation date is kept (the documented Order has one).
 */
export function createdSince(orders: readonly PlacedOrder[], startedAt: string): PlacedOrder[] {
  const since = Date.parse(startedAt) - CLOCK_SKEW_MS;
  return orders.filter((order) => order.creationDate === undefined || !(Date.parse(order.creationDate) < since));
}

/** A row's line as the claims compare it with other rows' lines. */
export function lineKey(line: OrderLine): string {
  return [line.id.toUpperCase(), line.quantity, line.term ?? '', line.billingCycle ?? ''].join('*');
}

/** What a read-back decided: the row's orders, none (not placed, or not listed yet), or undecidable. */
export type OrdersReadBack = { kind: 'found'; orders: PlacedOrder[] } | { kind: 'none' } | { kind: 'undecided'; reason: string; retryable: boolean };

/**
 * The orders a checkout of the row's cart placed (one per billing cycle): orders no other
 * purchase took whose every line is exactly one of the cart's items, each item on exactly one.
 */
export function ordersOfCart(orders: readonly PlacedOrder[], cart: readonly OrderLine[], others: OtherPurchases): OrdersReadBack {
  const fitting = unclaimed(orders, others).filter((order) => order.lineItems.every((shown) => cart.some((line) => fits(line, order, shown))));
  const perLine = cart.map((line) => fitting.filter((order) => order.lineItems.some((shown) => fits(line, order, shown))));
  if (perLine.some((found) => found.length === 0)) return { kind: 'none' };
  const undecided = decide(perLine.flat(), perLine.some((found) => found.length > 1), others);
  return undecided ?? { kind: 'found', orders: [...new Set(perLine.flat())] };
}

/** The order with exactly the row's legacy lines that no other purchase took, if one was placed. */
export function legacyOrderOf(orders: readonly PlacedOrder[], legacy: readonly OrderLine[], others: OtherPurchases): OrdersReadBack {
  const fitting = unclaimed(orders, others).filter((order) => order.lineItems.length === legacy.length && legacy.every((line) => order.lineItems.some((shown) => fits(line, order, shown))));
  if (fitting.length === 0) return { kind: 'none' };
  return decide(fitting, fitting.length > 1, others) ?? { kind: 'found', orders: fitting };
}

function unclaimed(orders: readonly PlacedOrder[], others: OtherPurchases): PlacedOrder[] {
  return orders.filter((order) => order.lineItems.length > 0 && !others.claimed.has(order.id));
}

/**
 * Never a guess: several orders that fit are undecidable for good; one that fits while another
 * row's purchase of the same lines awaits its answer may be that row's, so it waits for it.
 */
function decide(fitting: readonly PlacedOrder[], several: boolean, others: OtherPurchases): OrdersReadBack | undefined {
  const ids = [...new Set(fitting.map((order) => order.id))].join(', ');
  if (several) return { kind: 'undecided', retryable: false, reason: `Several orders fit the row's lines (${ids}) and no other row took them; which one is this row's cannot be told.` };
  if (others.rivalPending) return { kind: 'undecided', retryable: true, reason: `The order ${ids} fits the row's lines, but another row buying the same for this customer has no answer yet; it may be that row's.` };
  return undefined;
}

/** The order line shows the row's line: the product and quantity, and the term and billing cycle where the order shows them. */
function fits(line: OrderLine, order: PlacedOrder, shown: PlacedOrder['lineItems'][number]): boolean {
  const cycle = order.billingCycle?.toLowerCase();
  return (
    sameProduct(line.id, shown.offerId) &&
    shown.quantity === line.quantity &&
    (line.term === undefined || shown.termDuration === undefined || shown.termDuration.toUpperCase() === line.term) &&
    (line.billingCycle === undefined || cycle === undefined || cycle === 'none' || cycle === line.billingCycle)
  );
}
