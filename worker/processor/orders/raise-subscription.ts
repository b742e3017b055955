import type { PlannedChange } from '../../../shared/orders/plan-licence-changes.ts';
import type { Subscription } from '../../../shared/partner-center/partner-center-client.ts';
import type { OrderRowContext } from './order-row-context.ts';

/** How often a stale etag (412) is read again before the row's job gives up for this attempt. */
const MAX_STALE_READS = 5;

/**
 * Raises one subscription to the plan's target (docs/contracts/csv.md §6, docs/contracts/partner-center.md §0.19):
 * PATCH the whole resource with `quantity` = the stored target and its etag as If-Match. The
 * target is absolute and computed once, so a subscription already at or above it is done — an
 * earlier attempt's PATCH committed though its answer was lost — and a replay never adds twice.
 * A 412 reads the subscription again and decides anew. `listed`: the subscription as the row's
 * single list read it; a resumed job reads it fresh.
 */
export async function raiseSubscription(context: OrderRowContext, customerId: string, change: Extract<PlannedChange, { kind: 'raise' }>, item: number, listed: Subscription | undefined): Promise<void> {
  const { partnerCenter } = context;
  let subscription = listed ?? (await partnerCenter.getSubscription(customerId, change.subscriptionId, context.call()));
  for (let read = 1; ; read++) {
    if (subscription.quantity >= change.to) return;
    try {
      // A new request id per read: after any answer, Partner Center wants a new one (§0.1).
      await partnerCenter.setSubscriptionQuantity(customerId, subscription, change.to, context.call(`item-${item}-raise-${read}`));
      return;
    } catch (error) {
      if ((error as { errorCode?: unknown }).errorCode !== 'subscription_changed' || read >= MAX_STALE_READS) throw error;
      subscription = await partnerCenter.getSubscription(customerId, change.subscriptionId, context.call());
    }
  }
}
