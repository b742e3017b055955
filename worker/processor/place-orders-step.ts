import type { CatalogItem, OrderLine, PlacedOrder } from '../../shared/partner-center/partner-center-client.ts';
import { PartnerCenterError } from '../../shared/partner-center/partner-center-error.ts';
import { isCartAlreadyCheckedOut } from './cart-already-checked-out.ts';
import { findLegacyOrder, ordersOfCart } from './match-placed-orders.ts';
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

/** What buying needs of a row's context: customer rows and orders rows both have it. */
export type PurchaseContext = Pick<RowContext, 'importId' | 'row' | 'partnerCenter' | 'logger' | 'call'>;

/** Creates the cart for the new-commerce lines; undefined when there are none. */
export async function createCartStep(context: PurchaseContext, customerId: string, lines: OrderLine[]): Promise<string | undefined> {
  if (lines.length === 0) return undefined;
  return (await context.partnerCenter.createCart(customerId, lines, context.call('cart'))).id;
}

/**
 * Checks the cart out and places the legacy order, each with its own request id; returns the order
 * ids. Nothing is bought twice even where Partner Center does not replay a request id
 * (docs/contracts/partner-center.md §0.16): a checkout answered 800065 committed in an earlier
 * attempt whose answer was lost, so its orders are read back; on any attempt after the first, the
 * legacy order is looked for among the customer's orders before another is placed.
 */
export async function placeOrdersStep(context: PurchaseContext, customerId: string, cartId: string | undefined, lines: { cart: OrderLine[]; legacy: OrderLine[] }, attemptedBefore: boolean): Promise<string[]> {
  return (await placeOrders(context, customerId, cartId, lines, attemptedBefore)).map((order) => order.id);
}

/** `placeOrdersStep`, answering the placed orders themselves (their lines name the new subscriptions). */
export async function placeOrders(context: PurchaseContext, customerId: string, cartId: string | undefined, lines: { cart: OrderLine[]; legacy: OrderLine[] }, attemptedBefore: boolean): Promise<PlacedOrder[]> {
  // One read of the customer's orders serves both checks.
  let listed: Promise<PlacedOrder[]> | undefined;
  const customerOrders = () => (listed ??= context.partnerCenter.listOrders(customerId, context.call()));
  const orders: PlacedOrder[] = [];
  if (cartId) orders.push(...(await checkoutOnce(context, customerId, cartId, lines.cart, customerOrders)));
  if (lines.legacy.length > 0) orders.push(await placeLegacyOrderOnce(context, customerId, lines.legacy, attemptedBefore, customerOrders));
  return orders;
}

async function checkoutOnce(context: PurchaseContext, customerId: string, cartId: string, cart: OrderLine[], customerOrders: () => Promise<PlacedOrder[]>): Promise<PlacedOrder[]> {
  try {
    return await context.partnerCenter.checkoutCart(customerId, cartId, context.call('checkout'));
  } catch (error) {
    if (!isCartAlreadyCheckedOut(error)) throw error;
    const placed = ordersOfCart(await customerOrders(), cart);
    if (placed.length === 0) {
      // The orders may show up in the list a little after the checkout: the next attempt reads again.
      throw new PartnerCenterError({ errorCode: 'upstream_error', retryable: true, message: `Cart ${cartId} is checked out, but the customer's orders do not list its items yet; trying again.` });
    }
    context.logger.info({ importId: context.importId, row: context.row, customerId, cartId, orders: placed.map((order) => order.id) }, 'found the orders of a checkout whose answer was lost');
    return placed;
  }
}

async function placeLegacyOrderOnce(context: PurchaseContext, customerId: string, legacy: OrderLine[], attemptedBefore: boolean, customerOrders: () => Promise<PlacedOrder[]>): Promise<PlacedOrder> {
  if (attemptedBefore) {
    const placed = findLegacyOrder(await customerOrders(), legacy);
    if (placed) {
      context.logger.info({ importId: context.importId, row: context.row, customerId, order: placed.id }, 'found the legacy order of an earlier attempt');
      return placed;
    }
  }
  return context.partnerCenter.createOrder(customerId, legacy, context.call('legacy-order'));
}
