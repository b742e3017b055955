import type { z } from 'zod';
import type { CallContext, Subscription } from '../partner-center-client.ts';
import { subscriptionSchema, subscriptionsSchema } from '../response-schemas.ts';
import { readAnswer, sendRequest, type RequestCore } from './send-request.ts';

const enc = encodeURIComponent;

/** GET /v1/customers/{id}/subscriptions (docs/contracts/partner-center.md §0.19). */
export async function listSubscriptions(core: RequestCore, customerId: string, context?: CallContext): Promise<Subscription[]> {
  const answer = await sendRequest(core, { method: 'GET', path: `/v1/customers/${enc(customerId)}/subscriptions`, kind: 'other' }, withoutRequestId(context));
  return readAnswer(answer, subscriptionsSchema).items.map(toSubscription);
}

/** GET /v1/customers/{id}/subscriptions/{sid}. */
export async function getSubscription(core: RequestCore, customerId: string, subscriptionId: string, context?: CallContext): Promise<Subscription> {
  const answer = await sendRequest(core, { method: 'GET', path: subscriptionPath(customerId, subscriptionId), kind: 'other' }, withoutRequestId(context));
  return toSubscription(readAnswer(answer, subscriptionSchema));
}

/**
 * PATCH the whole resource with `quantity` and the etag as If-Match (§0.19): the quantity is
 * absolute, so sending the same target again is harmless. A stale etag throws
 * `subscription_changed`; a 202 without a body is followed by a read.
 */
export async function setSubscriptionQuantity(core: RequestCore, customerId: string, subscription: Subscription, quantity: number, context?: CallContext): Promise<Subscription> {
  const answer = await sendRequest(
    core,
    {
      method: 'PATCH',
      path: subscriptionPath(customerId, subscription.id),
      body: { ...subscription.resource, quantity },
      kind: 'order',
      ...(subscription.etag ? { headers: { 'If-Match': subscription.etag } } : {}),
    },
    context,
  );
  if (answer.status === 202 && answer.body === undefined) return getSubscription(core, customerId, subscription.id, context);
  return toSubscription(readAnswer(answer, subscriptionSchema));
}

function subscriptionPath(customerId: string, subscriptionId: string): string {
  return `/v1/customers/${enc(customerId)}/subscriptions/${enc(subscriptionId)}`;
}

/** Reads are not idempotent POSTs: each gets its own MS-RequestId. */
function withoutRequestId(context: CallContext = {}): CallContext {
  const { requestId: _requestId, ...rest } = context;
  return rest;
}

function toSubscription(item: z.infer<typeof subscriptionSchema>): Subscription {
  return {
    id: item.id,
    offerId: item.offerId.toUpperCase(),
    ...(item.offerName ?? item.friendlyName ? { offerName: (item.offerName ?? item.friendlyName)! } : {}),
    quantity: item.quantity,
    status: item.status.toLowerCase(),
    ...(item.termDuration ? { term: item.termDuration.toUpperCase() } : {}),
    ...(item.billingCycle ? { billingCycle: item.billingCycle.toLowerCase() } : {}),
    ...(item.attributes?.etag ? { etag: item.attributes.etag } : {}),
    resource: item as Record<string, unknown>,
  };
}
