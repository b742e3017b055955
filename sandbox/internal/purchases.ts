import { randomUUID } from 'node:crypto';
import type { SandboxState } from '../sandbox-state.ts';
import type { PostOutcome } from './idempotent-post.ts';
import { fail } from './post-outcomes.ts';
import { storeSubscription } from './subscriptions.ts';

/**
 * Only the global cloud has the MCA attestation (docs/contracts/partner-center.md §0.14): a sandbox
 * playing another `cloud` never refuses, and a 21Vianet customer is known by its domain as well.
 */
const CHINA_SUFFIX = '.partner.onmschina.cn';

/** 404 for an unknown customer (cart creation refuses only that, docs/contracts/partner-center.md §0.14). */
export function refuseUnknownCustomer(state: SandboxState, customerId: string): PostOutcome | undefined {
  return state.customers.has(customerId) ? undefined : fail(404, 'NotFound', `No customer with id ${customerId}.`);
}

/**
 * For a cart checkout or a legacy order: 404 for an unknown customer; 403/13605 before MCA
 * attestation when the sandbox requires it (docs/contracts/partner-center.md §0.14, §7.3).
 */
export function refusePurchase(state: SandboxState, customerId: string): PostOutcome | undefined {
  const customer = state.customers.get(customerId);
  if (!customer) return refuseUnknownCustomer(state, customerId);
  const attestable = state.cloud === 'global' && !customer.domain.endsWith(CHINA_SUFFIX);
  if (state.requireAgreementForPurchases && attestable && !state.agreements.some((agreement) => agreement.customerId === customerId)) {
    return fail(403, 13605, 'The customer must accept the Microsoft Customer Agreement before this purchase: confirm the customer\'s acceptance (partner attestation) or have the customer accept it in the Microsoft 365 admin center.');
  }
  return undefined;
}

/**
 * Records an order of one billing cycle for the customer, and one active subscription per line
 * (§0.19), and returns its Order resource (§8).
 */
export function storeOrder(
  state: SandboxState,
  customerId: string,
  billingCycle: string,
  lines: { offerId: string; quantity: number; friendlyName: string; termDuration?: string }[],
): Record<string, unknown> {
  const id = randomUUID().replace(/-/g, '').slice(0, 24);
  const link = (uri: string) => ({ uri, method: 'GET', headers: [] });
  const order = {
    id,
    referenceCustomerId: customerId,
    billingCycle,
    currencyCode: 'USD',
    currencySymbol: '$',
    lineItems: lines.map((line, lineItemNumber) => ({
      lineItemNumber,
      offerId: line.offerId,
      subscriptionId: storeSubscription(state, customerId, { subscriptionId: randomUUID(), offerId: line.offerId, offerName: line.friendlyName, quantity: line.quantity, billingCycle, ...(line.termDuration ? { termDuration: line.termDuration } : {}), orderId: id }).id,
      friendlyName: line.friendlyName,
      quantity: line.quantity,
      ...(line.termDuration ? { termDuration: line.termDuration } : {}),
    })),
    creationDate: new Date().toISOString(),
    status: 'completed',
    links: {
      provisioningStatus: link(`/customers/${customerId}/orders/${id}/provisioningstatus`),
      self: link(`/customers/${customerId}/orders/${id}`),
    },
    attributes: { objectType: 'Order' },
  };
  const list = state.orders.get(customerId) ?? [];
  list.push(order);
  state.orders.set(customerId, list);
  return order;
}
