import type { CatalogItem, OrderLine } from '../../shared/partner-center/partner-center-client.ts';
import type { RowContext } from './row-context.ts';

/** The row's offers split by how they are bought: new commerce and the Azure plan by cart, legacy by order. */
export function splitOrderLines(context: RowContext, kinds: readonly CatalogItem['kind'][]): { cart: OrderLine[]; legacy: OrderLine[] } {
  const { record } = context;
  const cart: OrderLine[] = [];
  const legacy: OrderLine[] = [];
  record.offers.forEach((offer, index) => {
    const kind = kinds[index];
    if (kind === 'legacy') legacy.push({ id: offer.id, quantity: offer.quantity });
    else if (kind === 'azure-plan') cart.push({ id: offer.id, quantity: 1, billingCycle: 'monthly' });
    else cart.push({ id: offer.id, quantity: offer.quantity, term: record.term, billingCycle: record.billing_cycle });
  });
  return { cart, legacy };
}

/** Creates the cart for the new-commerce lines; undefined when there are none. */
export async function createCartStep(context: RowContext, customerId: string, lines: OrderLine[]): Promise<string | undefined> {
  if (lines.length === 0) return undefined;
  return (await context.partnerCenter.createCart(customerId, lines, context.call('cart'))).id;
}

/** Checks the cart out and places the legacy order, each with its own request id; returns the order ids. */
export async function placeOrdersStep(context: RowContext, customerId: string, cartId: string | undefined, legacy: OrderLine[]): Promise<string[]> {
  const orders: string[] = [];
  if (cartId) orders.push(...(await context.partnerCenter.checkoutCart(customerId, cartId, context.call('checkout'))).map((order) => order.id));
  if (legacy.length > 0) orders.push((await context.partnerCenter.createOrder(customerId, legacy, context.call('legacy-order'))).id);
  return orders;
}
