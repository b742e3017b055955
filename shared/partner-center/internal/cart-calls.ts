import type { z } from 'zod';
import type { CallContext, Cart } from '../partner-center-client.ts';
import { cartSchema } from '../response-schemas.ts';
import { readAnswer, sendRequest, type RequestCore } from './send-request.ts';

/**
 * GET /v1/customers/{id}/carts/{cartId} (docs/contracts/partner-center.md §8): the cart and its
 * status, `Active` until a checkout commits, `Ordered` after (how a lost checkout answer is read
 * back, §0.20). A read, so it sends no MS-RequestId of a write step.
 */
export async function getCart(core: RequestCore, customerId: string, cartId: string, context: CallContext = {}): Promise<Cart> {
  const { requestId: _requestId, ...readContext } = context;
  const answer = await sendRequest(core, { method: 'GET', path: `/v1/customers/${encodeURIComponent(customerId)}/carts/${encodeURIComponent(cartId)}`, kind: 'order' }, readContext);
  return toCart(readAnswer(answer, cartSchema));
}

export function toCart(cart: z.infer<typeof cartSchema>): Cart {
  return {
    id: cart.id,
    status: cart.status,
    lineItems: cart.lineItems.map((item) => ({ id: item.id, catalogItemId: item.catalogItemId, quantity: item.quantity, billingCycle: item.billingCycle, ...(item.termDuration ? { termDuration: item.termDuration } : {}) })),
  };
}
