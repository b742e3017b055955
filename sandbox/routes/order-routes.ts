import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxState } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';
import { replyError } from '../internal/error-body.ts';
import { runIdempotentPost } from '../internal/idempotent-post.ts';
import { badInput, fail } from '../internal/post-outcomes.ts';
import { refusePurchase, storeOrder } from '../internal/purchases.ts';
import { findCatalogEntry } from '../catalog.ts';

const legacyOrderSchema = z.object({
  referenceCustomerId: z.string().optional(),
  billingCycle: z.enum(['monthly', 'annual']).optional(),
  lineItems: z
    .array(z.object({ lineItemNumber: z.number().int().min(0), offerId: z.string().min(1), quantity: z.number().int().min(1).max(10000), friendlyName: z.string().optional() }))
    .min(1),
});

/**
 * Legacy orders (docs/contracts/partner-center.md §8): list and create (idempotent, §0.1); new-commerce items go through a cart
 * (./cart-routes.ts). With `requireAgreementForPurchases`, a customer without an MCA attestation
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
  routes.get('/v1/customers/:customerId/orders/:orderId', (c) => {
    const customerId = c.req.param('customerId').toLowerCase();
    const order = (state.orders.get(customerId) ?? []).find((item) => item.id === c.req.param('orderId'));
    return order ? c.json(order) : replyError(c, 404, 'NotFound', `No order ${c.req.param('orderId')} for customer ${customerId}.`);
  });
  routes.post('/v1/customers/:customerId/orders', (c) =>
    runIdempotentPost(c, state, 'order', (raw) => {
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
  return routes;
}
