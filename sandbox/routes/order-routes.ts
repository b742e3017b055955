import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxState, StoredCart } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';
import { replyError } from '../internal/error-body.ts';
import { runIdempotentPost, type PostOutcome } from '../internal/idempotent-post.ts';
import { badInput, fail } from '../internal/post-outcomes.ts';
import { LICENCE_TERMS, findCatalogEntry } from '../catalog.ts';

const CART_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const legacyOrderSchema = z.object({
  referenceCustomerId: z.string().optional(),
  billingCycle: z.enum(['monthly', 'annual']).optional(),
  lineItems: z
    .array(z.object({ lineItemNumber: z.number().int().min(0), offerId: z.string().min(1), quantity: z.number().int().min(1).max(10000), friendlyName: z.string().optional() }))
    .min(1),
});

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
 * Purchases (§8): legacy orders, and new-commerce carts with checkout. Every creating POST is
 * idempotent (§0.1). With `requireAgreementForPurchases`, a customer without an MCA attestation
 * gets 403/13605 (§7.3).
 */
export function createOrderRoutes(state: SandboxState) {
  const routes = new Hono<SandboxEnv>();
  routes.get('/v1/customers/:customerId/orders', (c) => {
    const customerId = c.req.param('customerId').toLowerCase();
    if (!state.customers.has(customerId)) return replyError(c, 404, 'NotFound', `No customer with id ${customerId}.`);
    const items = state.orders.get(customerId) ?? [];
    return c.json({ totalCount: items.length, items, attributes: { objectType: 'Collection' } });
  });
  routes.post('/v1/customers/:customerId/orders', (c) =>
    runIdempotentPost(c, state, (raw) => {
      const customerId = c.req.param('customerId').toLowerCase();
      const refused = refusePurchase(state, customerId);
      if (refused) return refused;
      const parsed = legacyOrderSchema.safeParse(raw);
      if (!parsed.success) return badInput(parsed.error);
      const wrong = parsed.data.lineItems.filter((item) => findCatalogEntry(item.offerId)?.kind !== 'legacy');
      if (wrong.length > 0) {
        return fail(400, 800004, `Invalid offer id: ${wrong.map((item) => item.offerId).join(', ')} is not a legacy offer (new-commerce items are bought through a cart).`);
      }
      const billingCycle = parsed.data.billingCycle ?? 'monthly';
      const order = storeOrder(state, customerId, billingCycle, parsed.data.lineItems.map((item) => ({ offerId: findCatalogEntry(item.offerId)!.id, quantity: item.quantity, friendlyName: item.friendlyName ?? findCatalogEntry(item.offerId)!.name })));
      return { status: 201, committed: true, body: order };
    }),
  );
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
        lineItems: parsed.data.lineItems.map((item, index) => {
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
        }),
        status: 'Active',
        attributes: { objectType: 'Cart' },
      };
      state.carts.set(cart.id, cart);
      return { status: 201, committed: true, body: cart.resource };
    }),
  );
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

function refusePurchase(state: SandboxState, customerId: string): PostOutcome | undefined {
  if (!state.customers.has(customerId)) return fail(404, 'NotFound', `No customer with id ${customerId}.`);
  if (state.requireAgreementForPurchases && !state.agreements.some((agreement) => agreement.customerId === customerId)) {
    return fail(403, 13605, 'Partner confirmation of the Microsoft Customer Agreement is required, or the customer must accept it in the Microsoft 365 admin center.');
  }
  return undefined;
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

function storeOrder(
  state: SandboxState,
  customerId: string,
  billingCycle: string,
  lines: { offerId: string; quantity: number; friendlyName: string; termDuration?: string }[],
): Record<string, unknown> {
  const order = {
    id: randomUUID().replace(/-/g, '').slice(0, 24),
    referenceCustomerId: customerId,
    billingCycle,
    currencyCode: 'USD',
    currencySymbol: '$',
    lineItems: lines.map((line, lineItemNumber) => ({
      lineItemNumber,
      offerId: line.offerId,
      subscriptionId: randomUUID(),
      friendlyName: line.friendlyName,
      quantity: line.quantity,
      ...(line.termDuration ? { termDuration: line.termDuration } : {}),
    })),
    creationDate: new Date().toISOString(),
    status: 'completed',
    attributes: { objectType: 'Order' },
  };
  const list = state.orders.get(customerId) ?? [];
  list.push(order);
  state.orders.set(customerId, list);
  return order;
}
