import type { OrderLine, PlacedOrder } from '../../shared/partner-center/partner-center-client.ts';
import { sameProduct } from '../../shared/orders/same-product.ts';

/**
 * The orders a checkout of the row's cart placed, read back from the customer's orders: those
 * whose every line is one of the cart's items. The customer is new and this row's own, so its
 * new-commerce orders are this cart's (a checkout makes one order per billing cycle).
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
