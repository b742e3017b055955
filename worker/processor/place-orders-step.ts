import type { CatalogItem, OrderLine, PlacedOrder } from '../../shared/partner-center/partner-center-client.ts';
import { PartnerCenterError } from '../../shared/partner-center/partner-center-error.ts';
import { isCartAlreadyCheckedOut } from './cart-already-checked-out.ts';
import { readPartnerCenterFailure } from './partner-center-failure.ts';
import { createdSince, legacyOrderOf, lineKey, ordersOfCart, type OrdersReadBack } from './match-placed-orders.ts';
import type { OrderClaims, OtherPurchases, PurchaseOf } from '../store/order-claims.ts';
import type { RowContext } from './row-context.ts';
import { readBackOrGiveUp, writeOnce, type FirstAttempt, type UnconfirmedWrite, type UnconfirmedWriteContext } from './unconfirmed-write.ts';

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
export type PurchaseContext = Pick<RowContext, 'importId' | 'row' | 'cloud' | 'partnerCenter' | 'logger' | 'call'> &
  UnconfirmedWriteContext & {
    claims: OrderClaims;
    /** The item of an orders row that buys (a customer row buys once). */
    item?: number;
  };

/** Creates the cart for the new-commerce lines; undefined when there are none. */
export async function createCartStep(context: PurchaseContext, customerId: string, lines: OrderLine[]): Promise<string | undefined> {
  if (lines.length === 0) return undefined;
  return (await context.partnerCenter.createCart(customerId, lines, context.call('cart'))).id;
}

/**
 * Checks the cart out and places the legacy order, each with its own request id; returns the order
 * ids. Nothing is bought twice, with or without the replay of a request id
 * (docs/contracts/partner-center.md §0.20): an attempt after the first reads back before buying
 * (the cart's status, the customer's orders created since the row's first purchase call), and so
 * does a lost answer on the last attempt (`writeOnce`); a checkout answered 800065 committed
 * before, so its orders are read back. A read-back takes only orders with exactly the row's lines
 * that no other row took (`OrderClaims`), and never guesses between several.
 */
export async function placeOrdersStep(context: PurchaseContext, customerId: string, cartId: string | undefined, lines: { cart: OrderLine[]; legacy: OrderLine[] }, attempt: FirstAttempt): Promise<string[]> {
  return (await placeOrders(context, customerId, cartId, lines, attempt)).map((order) => order.id);
}

/** `placeOrdersStep`, answering the placed orders themselves (their lines name the new subscriptions). */
export async function placeOrders(context: PurchaseContext, customerId: string, cartId: string | undefined, lines: { cart: OrderLine[]; legacy: OrderLine[] }, attempt: FirstAttempt): Promise<PlacedOrder[]> {
  const orders: PlacedOrder[] = [];
  if (cartId) {
    const cart = lines.cart;
    const readBack: ReadBack = { ...purchaseOf(context, customerId, 'checkout'), attempt, match: (listed, others) => ordersOfCart(listed, cart, others) };
    orders.push(...(await claimed(context, readBack, cart, () => checkoutOnce(context, cartId, readBack))));
  }
  if (lines.legacy.length > 0) {
    const legacy = lines.legacy;
    const readBack: ReadBack = { ...purchaseOf(context, customerId, 'legacy-order'), attempt, match: (listed, others) => legacyOrderOf(listed, legacy, others) };
    const placed = await claimed(context, readBack, legacy, () =>
      writeOnce(context, {
        what: 'legacy-order',
        customerId,
        attempt,
        readBack: async () => (await takeOrders(context, readBack))?.[0],
        write: () => unlessRefused(context, readBack, () => context.partnerCenter.createOrder(customerId, legacy, context.call('legacy-order'))),
      }).then((order) => [order]),
    );
    orders.push(...placed);
  }
  return orders;
}

/** One purchase call of the row, as the claims name it. */
function purchaseOf(context: PurchaseContext, customerId: string, write: 'checkout' | 'legacy-order'): PurchaseOf {
  return { cloud: context.cloud, customerId, purchase: [context.importId, context.row, ...(context.item === undefined ? [] : [context.item]), write].join(':') };
}

/** How a purchase's orders are read back: which ones of the customer's are its own. */
interface ReadBack extends PurchaseOf {
  attempt: FirstAttempt;
  match(orders: readonly PlacedOrder[], others: OtherPurchases): OrdersReadBack;
}

/** Registers the purchase before its call and records the orders it placed (its answer or its read-back's). */
async function claimed(context: PurchaseContext, at: PurchaseOf, lines: readonly OrderLine[], buy: () => Promise<PlacedOrder[]>): Promise<PlacedOrder[]> {
  await context.claims.register(at, lines.map(lineKey));
  const placed = await buy();
  await context.claims.record(at, placed.map((order) => order.id));
  return placed;
}

/**
 * The purchase call; a refusal was never carried out (`isLostAnswer`), so the purchase records no
 * orders and holds back no other row's read-back while its row has failed. A checkout refused as
 * already checked out did happen: it is read back.
 */
async function unlessRefused<T>(context: PurchaseContext, at: PurchaseOf, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (readPartnerCenterFailure(error).kind === 'final' && !isCartAlreadyCheckedOut(error)) await context.claims.record(at, []);
    throw error;
  }
}

/**
 * The row's orders among the customer's orders created since its first purchase call, taken in the
 * claims; undefined when none was placed. Undecidable → an error: a later attempt decides when
 * another row's answer was awaited, else the row ends `answer_lost` (`writeOnce`).
 */
async function takeOrders(context: PurchaseContext, readBack: ReadBack): Promise<PlacedOrder[] | undefined> {
  const listed = createdSince(await context.partnerCenter.listOrders(readBack.customerId, context.call()), readBack.attempt.startedAt);
  const decided = await context.claims.take(
    readBack,
    (others) => readBack.match(listed, others),
    (match) => (match.kind === 'found' ? match.orders.map((order) => order.id) : undefined),
  );
  if (decided.kind === 'undecided') throw new PartnerCenterError({ errorCode: decided.retryable ? 'upstream_error' : 'response_invalid', retryable: decided.retryable, message: decided.reason });
  return decided.kind === 'found' ? decided.orders : undefined;
}

function checkoutOnce(context: PurchaseContext, cartId: string, readBack: ReadBack): Promise<PlacedOrder[]> {
  const { customerId, attempt } = readBack;
  /** The orders of a checkout that committed: listed a little later than the checkout, maybe. */
  const ordersOfCheckout = async () => {
    const placed = await takeOrders(context, readBack);
    if (!placed) {
      // The orders may show up in the list a little after the checkout: the next attempt reads again.
      throw new PartnerCenterError({ errorCode: 'upstream_error', retryable: true, message: `Cart ${cartId} is checked out, but the customer's orders do not list its items yet; trying again.` });
    }
    return placed;
  };
  const checkout: UnconfirmedWrite<PlacedOrder[]> = {
    what: 'checkout',
    customerId,
    attempt,
    readBack: async () => {
      const { status } = await context.partnerCenter.getCart(customerId, cartId, context.call());
      if (status.toLowerCase() === 'active') return undefined;
      if (status.toLowerCase() !== 'ordered') throw new PartnerCenterError({ errorCode: 'response_invalid', retryable: false, message: `Cart ${cartId} has the status "${status}", neither Active nor Ordered.` });
      return ordersOfCheckout();
    },
    write: async () => {
      try {
        return await unlessRefused(context, readBack, () => context.partnerCenter.checkoutCart(customerId, cartId, context.call('checkout')));
      } catch (error) {
        if (!isCartAlreadyCheckedOut(error)) throw error;
        // Read back like any lost answer: undecidable, or unreadable on the last attempt → answer_lost.
        const placed = (await readBackOrGiveUp(context, { ...checkout, readBack: ordersOfCheckout }))!;
        context.logger.info({ importId: context.importId, row: context.row, customerId, cartId, orders: placed.map((order) => order.id) }, 'found the orders of a checkout whose answer was lost');
        return placed;
      }
    },
  };
  return writeOnce(context, checkout);
}
