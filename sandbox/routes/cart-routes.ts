import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { SandboxState, StoredCart } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';
import { replyError } from '../internal/error-body.ts';
import { runIdempotentPost } from '../internal/idempotent-post.ts';
import { badInput, fail } from '../internal/post-outcomes.ts';
import { normalizeKeys } from '../internal/normalize-keys.ts';
import { refusePurchase, storeOrder } from '../internal/purchases.ts';
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
 * New-commerce carts (§8): create (idempotent, §0.1), read, update while Active, and checkout
 * into one order per billing cycle. Term and billing rules of §0.10; a bad line → 400/800009.
 */
export function createCartRoutes(state: SandboxState) {
  const routes = new Hono<SandboxEnv>();
  routes.post('/v1/customers/:customerId/carts', (c) =>
    runIdempotentPost(c, state, (raw) => {
      const customerId = c.req.param('customerId').toLowerCase();
      const refused = refusePurchase(state, customerId);
      if (refused) return refused;
      const parsed = cartSchema.safeParse(raw);
      if (!parsed.success) return badInput(parsed.error);
      const problems = parsed.data.lineItems.flatMap((item, index) => cartLineProblems(item, index));
      if (problems.length > 0) return fail(400, 800009, `Error in cart items: ${problems.join('; ')}`, problems);
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
    const problems = parsed.data.lineItems.flatMap((item, index) => cartLineProblems(item, index));
    if (problems.length > 0) return replyError(c, 400, 800009, `Error in cart items: ${problems.join('; ')}`, problems);
    cart.resource = { ...cart.resource, lineItems: toCartLines(parsed.data.lineItems), lastModifiedTimestamp: new Date().toISOString() };
    return c.json(cart.resource);
  });
  routes.post('/v1/customers/:customerId/carts/:cartId/checkout', (c) =>
    runIdempotentPost(c, state, () => {
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

/** The term and billing rules of §0.10 for one cart line. */
function cartLineProblems(item: z.infer<typeof cartSchema>['lineItems'][number], index: number): string[] {
  const entry = findCatalogEntry(item.catalogItemId);
  const where = `lineItems[${index}] ${item.catalogItemId}`;
  if (!entry) return [`${where}: catalog item id is not valid (10001 CatalogItemIdIsNotValid)`];
  if (entry.kind === 'legacy') return [`${where}: a legacy offer cannot be bought through a cart (500600 LegacyOfferNotEligibleForPurchase)`];
  const cycle = item.billingCycle.toLowerCase();
  if (entry.kind === 'azure-plan') {
    const problems: string[] = [];
    if (item.quantity !== 1) problems.push(`${where}: the Azure plan takes quantity 1`);
    if (cycle !== 'monthly') problems.push(`${where}: the Azure plan bills monthly`);
    if (item.termDuration) problems.push(`${where}: the Azure plan has no term`);
    return problems;
  }
  const term = item.termDuration?.toUpperCase();
  if (!LICENCE_TERMS.some((allowed) => allowed.duration === term && allowed.billingCycle === cycle)) {
    return [`${where}: term ${term ?? '(none)'} with billing cycle ${cycle} is not offered (P1M monthly; P1Y or P3Y monthly or annual)`];
  }
  return [];
}

