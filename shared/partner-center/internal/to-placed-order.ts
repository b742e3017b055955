import type { z } from 'zod';
import type { PlacedOrder } from '../partner-center-client.ts';
import type { orderSchema } from '../response-schemas.ts';

export function toPlacedOrder(order: z.infer<typeof orderSchema>): PlacedOrder {
  return {
    id: order.id,
    ...(order.status ? { status: order.status } : {}),
    ...(order.billingCycle ? { billingCycle: order.billingCycle } : {}),
    ...(order.creationDate ? { creationDate: order.creationDate } : {}),
    lineItems: order.lineItems.map((line) => ({
      offerId: line.offerId,
      quantity: line.quantity,
      ...(line.subscriptionId ? { subscriptionId: line.subscriptionId } : {}),
      ...(line.termDuration ? { termDuration: line.termDuration } : {}),
    })),
  };
}
