import type { OrderLine, PlacedOrder } from '../../shared/partner-center/partner-center-client.ts';
import { sameProduct } from '../../shared/orders/same-product.ts';

/**
 * How far apart the worker's clock and Partner Center's may be: an order created up to this long
 * before the row's first purchase call (by the worker's clock) may still be the row's own.
 */
const CLOCK_SKEW_MS = 60_000;

/**
 * The orders created since a row's first purchase call (docs/contracts/partner-center.md §0.20):
 * only they can be the row's. An order without a creation date is kept (the documented Order has
 * one; the customer of a customer row is the row's own new one anyway).
 */
export function createdSince(orders: readonly PlacedOrder[], startedAt: string): PlacedOrder[] {
  const since = Date.parse(startedAt) - CLOCK_SKEW_MS;
  return orders.filter((order) => order.creationDate === undefined || !(Date.parse(order.creationDate) < since));
}

/**
 * The orders a checkout of the row's cart placed, read back from the customer's orders: those
 * whose every line is one of the cart's items, among those created since the row's first purchase
 * call (`createdSince`): a checkout makes one order per billing cycle.
 */
export function ordersOfCart(orders: readonly PlacedOrder[], cart: readonly OrderLine[]): PlacedOrder[] {
  return orders.filter((order) => order.lineItems.length > 0 && order.lineItems.every((line) => cart.some((item) => sameProduct(item.id, line.offerId))));
}

/** An order with exactly the row's legacy lines (offer and quantity each), if one was placed already. */
export function findLegacyOrder(orders: readonly PlacedOrder[], legacy: readonly OrderLine[]): PlacedOrder | undefined {
  const wanted = linesKey(legacy.map((line) => ({ offerId: line.id, quantity: line.quantity })));
  return orders.find((order) => linesKey(order.lineItems) === wanted);
}

function linesKey(lines: readonly { offerId: string; quantity: number }[]): string {
  return lines
    .map((line) => `${line.offerId.toUpperCase()}*${line.quantity}`)
    .sort()
    .join(';');
}
