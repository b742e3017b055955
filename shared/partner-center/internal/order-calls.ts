import type { CallContext, PlacedOrder } from '../partner-center-client.ts';
import { ordersSchema } from '../response-schemas.ts';
import { readAnswer, sendRequest, type RequestCore } from './send-request.ts';
import { toPlacedOrder } from './to-placed-order.ts';

/**
 * GET /v1/customers/{id}/orders (docs/contracts/partner-center.md §8): every order of the
 * customer with its lines. A read, so it sends no MS-RequestId of a write step.
 */
export async function listOrders(core: RequestCore, customerId: string, context: CallContext = {}): Promise<PlacedOrder[]> {
  const { requestId: _requestId, ...readContext } = context;
  const answer = await sendRequest(core, { method: 'GET', path: `/v1/customers/${encodeURIComponent(customerId)}/orders`, kind: 'other' }, readContext);
  return readAnswer(answer, ordersSchema).items.map(toPlacedOrder);
}
