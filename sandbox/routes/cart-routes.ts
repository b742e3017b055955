import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { SandboxState, StoredCart } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';
import { replyError } from '../internal/error-body.ts';
import { runIdempotentPost } from '../internal/idempotent-post.ts';
import { badInput, fail } from '../internal/post-outcomes.ts';
import { normalizeKeys } from '../internal/normalize-keys.ts';
import { refusePurchase, refuseUnknownCustomer, storeOrder } from '../internal/purchases.ts';
import { LICENCE_TERMS, findCatalogEntry } from '../catalog.ts';

const CART_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const cartSchema = z.object({
  lineItems: z
    .array(
      z.object({
        id: z.number().int().min(0).optional(),
        catalogItemId: z.string().min(1),
        quantity: z.number().int().min(1).max(300),
        billingCycle: z.string().min(1),
        termDuration: z.string().optional(),
        friendlyName: z.string().optional(),
      }),
    )
    .min(1),
});

/**
 * New-commerce carts (docs/contracts/partner-center.md §8): create (idempotent, §0.1), read, update while Active, and checkout
 * into one order per billing cycle. Term and billing rules of §0.10; a bad line → 400/800009. Only the
 * checkout is refused with 403/13605 before MCA attestation (§0.14).
 */
export function createCartRoutes(state: SandboxState) {
  const routes = new Hono<SandboxEnv>();
  routes.post('/v1/customers/:customerId/carts', (c) =>
    runIdempotentPost(c, state, 'cart', (raw) => {
      const customerId = c.req.param('customerId').toLowerCase();
      // Only the checkout is refused before MCA attestation, not the cart (§0.14).
      const unknown = refuseUnknownCustomer(state, customerId);
      if (unknown) return unknown;
      const parsed = cartSchema.safeParse(raw);
      if (!parsed.success) return badInput(parsed.error);
      const badLines = cartErrors(parsed.data.lineItems);
      if (badLines) return fail(400, 800009, badLines.description, badLines.data);
      const now = new Date();
      const cart: StoredCart = {
        id: randomUUID(),
        customerId,
        status: 'Active',
        resource: {},
      };
      cart.resource = {
        id: cart.id,
        creationTimestamp: now.toISOString(),
        lastModifiedTimestamp: now.toISOString(),
        expirationTimestamp: new Date(now.getTime() + CART_LIFETIME_MS).toISOString(),
        lastModifiedUser: 'sandbox-user',
        lineItems: toCartLines(parsed.data.lineItems),
        status: 'Active',
        attributes: { objectType: 'Cart' },
      };
      state.carts.set(cart.id, cart);
      return { status: 201, committed: true, body: cart.resource };
    }),
  );
  routes.get('/v1/customers/:customerId/carts/:cartId', (c) => {
    const cart = findCart(c, state);
    return cart instanceof Response ? cart : c.json(cart.resource);
  });
  /** Update (§8, PUT …/carts/{cart-id}): new line items for a cart that is still Active. */
  routes.put('/v1/customers/:customerId/carts/:cartId', async (c) => {
    const cart = findCart(c, state);
    if (cart instanceof Response) return cart;
    if (cart.status === 'Ordered') return replyError(c, 400, 800065, `Cart ${cart.id} has already been checked out.`);
    const parsed = cartSchema.safeParse(normalizeKeys(await c.req.json().catch(() => undefined)));
    if (!parsed.success) return c.json(badInput(parsed.error).body as object, 400);
    const badLines = cartErrors(parsed.data.lineItems);
    if (badLines) return replyError(c, 400, 800009, badLines.description, badLines.data);
    cart.resource = { ...cart.resource, lineItems: toCartLines(parsed.data.lineItems), lastModifiedTimestamp: new Date().toISOString() };
    return c.json(cart.resource);
  });
  routes.post('/v1/customers/:customerId/carts/:cartId/checkout', (c) =>
    runIdempotentPost(c, state, 'checkout', () => {
      const customerId = c.req.param('customerId').toLowerCase();
      const refused = refusePurchase(state, customerId);
      if (refused) return refused;
      const cart = state.carts.get(c.req.param('cartId').toLowerCase());
      if (!cart || cart.customerId !== customerId) return fail(404, 800008, `Cart ${c.req.param('cartId')} was not found for customer ${customerId}.`);
      if (cart.status === 'Ordered') return fail(400, 800065, `Cart ${cart.id} has already been checked out.`);
      cart.status = 'Ordered';
      cart.resource = { ...cart.resource, status: 'Ordered' };
      const lines = cart.resource.lineItems as { catalogItemId: string; quantity: number; billingCycle: string; termDuration?: string; friendlyName: string }[];
      const cycles = [...new Set(lines.map((line) => line.billingCycle))];
      const orders = cycles.map((cycle) =>
        storeOrder(state, customerId, cycle, lines.filter((line) => line.billingCycle === cycle).map((line) => ({ offerId: line.catalogItemId, quantity: line.quantity, friendlyName: line.friendlyName, ...(line.termDuration ? { termDuration: line.termDuration } : {}) }))),
      );
      return { status: 201, committed: true, body: { orders, orderErrors: [], attributes: { objectType: 'CartCheckoutResult' } } };
    }),
  );
  return routes;
}

function findCart(c: Context<SandboxEnv>, state: SandboxState): StoredCart | Response {
  const customerId = c.req.param('customerId')!.toLowerCase();
  if (!state.customers.has(customerId)) return replyError(c, 404, 'NotFound', `No customer with id ${customerId}.`);
  const cart = state.carts.get(c.req.param('cartId')!.toLowerCase());
  if (!cart || cart.customerId !== customerId) return replyError(c, 404, 800008, `Cart ${c.req.param('cartId')} was not found for customer ${customerId}.`);
  return cart;
}

/** Cart lines as the Cart resource shows them: canonical id, name, lower-case cycle, upper-case term. */
function toCartLines(items: z.infer<typeof cartSchema>['lineItems']) {
  return items.map((item, index) => {
    const entry = findCatalogEntry(item.catalogItemId)!;
    return {
      id: item.id ?? index,
      catalogItemId: entry.id,
      friendlyName: item.friendlyName ?? entry.name,
      quantity: item.quantity,
      currencyCode: 'USD',
      billingCycle: item.billingCycle.toLowerCase(),
      ...(item.termDuration ? { termDuration: item.termDuration.toUpperCase() } : {}),
      participants: [],
      provisioningContext: {},
      orderGroup: '0',
    };
  });
}

/** A refused cart line in the CartLineItem shape of §8: its id, item and `error`. */
interface CartLineError {
  id: number;
  catalogItemId: string;
  error: { errorCode: number; errorDescription: string };
}

/** Cart error codes of §8 (CartErrorCode) the sandbox uses. */
const CATALOG_ITEM_ID_IS_NOT_VALID = 10001;
const INVALID_INPUT = 10010;
const LEGACY_OFFER_NOT_ELIGIBLE = 500600;

/** The term and billing rules of §0.10 for one cart line; undefined when the line is fine. */
function cartLineError(item: z.infer<typeof cartSchema>['lineItems'][number], index: number): CartLineError | undefined {
  const entry = findCatalogEntry(item.catalogItemId);
  const refuse = (errorCode: number, errorDescription: string): CartLineError => ({ id: item.id ?? index, catalogItemId: item.catalogItemId, error: { errorCode, errorDescription } });
  if (!entry) return refuse(CATALOG_ITEM_ID_IS_NOT_VALID, `CatalogItemIdIsNotValid: ${item.catalogItemId} is not in the catalog.`);
  if (entry.kind === 'legacy') return refuse(LEGACY_OFFER_NOT_ELIGIBLE, `LegacyOfferNotEligibleForPurchase: ${entry.id} is a legacy offer; order it with POST /v1/customers/{id}/orders.`);
  const cycle = item.billingCycle.toLowerCase();
  if (entry.kind === 'azure-plan') {
    const problems: string[] = [];
    if (item.quantity !== 1) problems.push('takes quantity 1');
    if (cycle !== 'monthly') problems.push('bills monthly');
    if (item.termDuration) problems.push('has no term');
    return problems.length > 0 ? refuse(INVALID_INPUT, `InvalidInput: the Azure plan ${problems.join(', ')}.`) : undefined;
  }
  const term = item.termDuration?.toUpperCase();
  if (!LICENCE_TERMS.some((allowed) => allowed.duration === term && allowed.billingCycle === cycle)) {
    return refuse(INVALID_INPUT, `InvalidInput: term ${term ?? '(none)'} with billing cycle ${cycle} is not offered (P1M monthly; P1Y or P3Y monthly or annual).`);
  }
  return undefined;
}

/** Every bad line of a cart, or undefined when all are fine. */
function cartErrors(items: z.infer<typeof cartSchema>['lineItems']): { description: string; data: CartLineError[] } | undefined {
  const data = items.map((item, index) => cartLineError(item, index)).filter((error): error is CartLineError => error !== undefined);
  if (data.length === 0) return undefined;
  const lines = data.map((line) => `line ${line.id} (${line.catalogItemId}): ${line.error.errorCode} ${line.error.errorDescription}`);
  return { description: `Error in cart items: ${lines.join('; ')}`, data };
}
