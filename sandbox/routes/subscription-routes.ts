import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { SandboxState } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';
import { replyError } from '../internal/error-body.ts';
import { dropResponse } from '../internal/idempotent-post.ts';
import { newEtag } from '../internal/subscriptions.ts';

/** The sandbox's quantity range (docs/contracts/partner-center.md §0.19). */
const MAX_QUANTITY = 10_000;

/** The whole Subscription resource a PATCH must carry: its identity and the new quantity. */
const patchSchema = z.looseObject({
  id: z.string().min(1),
  offerId: z.string().min(1),
  quantity: z.number().int(),
  status: z.string().optional(),
});

/**
 * A customer's subscriptions (§0.19): list, get, and PATCH with the whole resource to change the
 * quantity. `If-Match` is honoured when sent (a stale etag → 412); a decrease, a quantity out
 * of 1–10000 or a subscription that is not active is refused with 400. A PATCH that commits may
 * lose its answer under the `dropAfterCommitRate` fault, like a creating POST.
 */
export function createSubscriptionRoutes(state: SandboxState) {
  const routes = new Hono<SandboxEnv>();
  routes.get('/v1/customers/:customerId/subscriptions', (c) => {
    const customerId = c.req.param('customerId').toLowerCase();
    if (!state.customers.has(customerId)) return replyError(c, 404, 'NotFound', `No customer with id ${customerId}.`);
    const items = state.subscriptions.get(customerId) ?? [];
    return c.json({ totalCount: items.length, items, attributes: { objectType: 'Collection' } });
  });
  routes.get('/v1/customers/:customerId/subscriptions/:subscriptionId', (c) => {
    const found = findSubscription(c, state);
    return found instanceof Response ? found : c.json(found);
  });
  routes.patch('/v1/customers/:customerId/subscriptions/:subscriptionId', async (c) => {
    const found = findSubscription(c, state);
    if (found instanceof Response) return found;
    const etag = (found.attributes as { etag: string }).etag;
    const ifMatch = c.req.header('If-Match')?.replace(/^W\//, '').replace(/"/g, '');
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etag) {
      return replyError(c, 412, 'PreconditionFailed', `Subscription ${String(found.id)} has changed since it was read (etag ${ifMatch} is stale); read it again and resend.`);
    }
    const parsed = patchSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return replyError(c, 400, 'BadInput', 'Send the whole Subscription resource (id, offerId, quantity, …) with the new quantity.');
    const wanted = parsed.data;
    if (wanted.id.toLowerCase() !== String(found.id).toLowerCase() || wanted.offerId.toLowerCase() !== String(found.offerId).toLowerCase()) {
      return replyError(c, 400, 'BadInput', `The body describes subscription ${wanted.id} (${wanted.offerId}), not ${String(found.id)} (${String(found.offerId)}).`);
    }
    if (found.status !== 'active') return replyError(c, 400, 'BadInput', `Subscription ${String(found.id)} is ${String(found.status)}; only an active subscription changes quantity.`);
    if (wanted.quantity < 1 || wanted.quantity > MAX_QUANTITY) return replyError(c, 400, 'BadInput', `Quantity ${wanted.quantity} is out of range 1–${MAX_QUANTITY}.`);
    const current = found.quantity as number;
    if (wanted.quantity < current) return replyError(c, 400, 'BadInput', `Quantity ${wanted.quantity} is lower than the current ${current}; this sandbox only raises quantities.`);
    if (wanted.quantity !== current) {
      found.quantity = wanted.quantity;
      found.attributes = { ...(found.attributes as object), etag: newEtag() };
      if (state.faults.dropAfterCommitRate > 0 && state.random() < state.faults.dropAfterCommitRate) return dropResponse(c, state);
    }
    return c.json(found);
  });
  return routes;
}

function findSubscription(c: Context<SandboxEnv>, state: SandboxState): Record<string, unknown> | Response {
  const customerId = c.req.param('customerId')!.toLowerCase();
  if (!state.customers.has(customerId)) return replyError(c, 404, 'NotFound', `No customer with id ${customerId}.`);
  const subscriptionId = c.req.param('subscriptionId')!.toLowerCase();
  const found = (state.subscriptions.get(customerId) ?? []).find((item) => String(item.id).toLowerCase() === subscriptionId);
  return found ?? replyError(c, 404, 'NotFound', `No subscription ${subscriptionId} for customer ${customerId}.`);
}
