import { afterEach, describe, expect, it } from 'vitest';
import { isPartnerCenterError } from './partner-center-error.ts';
import { sampleCustomerRequest, startSandboxClient, type SandboxClient } from '../../test/support/partner-center/start-sandbox-client.ts';

const BUSINESS_BASIC = 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF';
const E3 = 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A sandbox customer with an MCA attestation who bought Business Basic ×10 and E3 ×2 (P1Y, monthly). */
async function customerWithSubscriptions(): Promise<SandboxClient & { customerId: string }> {
  const env = await startSandboxClient();
  cleanups.push(env.close);
  const { id: customerId } = await env.client.createCustomer(sampleCustomerRequest());
  await env.client.confirmCustomerAgreement(customerId, { contact: { firstName: 'Ana', lastName: 'Diaz', email: 'ana@contoso.example' }, dateAgreed: '2025-01-15' });
  const cart = await env.client.createCart(customerId, [
    { id: BUSINESS_BASIC, quantity: 10, term: 'P1Y', billingCycle: 'monthly' },
    { id: E3, quantity: 2, term: 'P1Y', billingCycle: 'monthly' },
  ]);
  await env.client.checkoutCart(customerId, cart.id);
  return { ...env, customerId };
}

describe('client subscriptions (§0.19), over HTTP against the sandbox', () => {
  it('should list the subscriptions a checkout created, typed and with their etags', async () => {
    const { client, customerId } = await customerWithSubscriptions();
    const subscriptions = await client.listSubscriptions(customerId);
    expect(subscriptions).toEqual([
      expect.objectContaining({ offerId: BUSINESS_BASIC, quantity: 10, status: 'active', term: 'P1Y', billingCycle: 'monthly', etag: expect.any(String), offerName: 'Microsoft 365 Business Basic' }),
      expect.objectContaining({ offerId: E3, quantity: 2, status: 'active' }),
    ]);
    const one = await client.getSubscription(customerId, subscriptions[1]!.id);
    expect(one).toEqual(subscriptions[1]);
  });

  it('should PATCH the whole resource with the new quantity and the etag as If-Match', async () => {
    const { client, customerId, sent } = await customerWithSubscriptions();
    const [basic] = await client.listSubscriptions(customerId);
    const raised = await client.setSubscriptionQuantity(customerId, basic!, 15);
    expect(raised).toMatchObject({ id: basic!.id, quantity: 15 });
    expect(raised.etag).not.toBe(basic!.etag);
    const patch = sent.at(-1)!;
    expect(patch.method).toBe('PATCH');
    expect(patch.headers['if-match']).toBe(basic!.etag);
    expect(JSON.parse(patch.body!)).toEqual({ ...basic!.resource, quantity: 15 });
  });

  it('should throw a retryable subscription_changed for a stale etag, and change nothing', async () => {
    const { client, customerId } = await customerWithSubscriptions();
    const [basic] = await client.listSubscriptions(customerId);
    await client.setSubscriptionQuantity(customerId, basic!, 12);
    const stale = await client.setSubscriptionQuantity(customerId, basic!, 20).catch((error: unknown) => error);
    expect(isPartnerCenterError(stale) && { code: stale.errorCode, retryable: stale.retryable, status: stale.status }).toEqual({ code: 'subscription_changed', retryable: true, status: 412 });
    expect((await client.getSubscription(customerId, basic!.id)).quantity).toBe(12);
  });

  it('should map a refused decrease to a non-retryable order_rejected', async () => {
    const { client, customerId } = await customerWithSubscriptions();
    const [basic] = await client.listSubscriptions(customerId);
    const refused = await client.setSubscriptionQuantity(customerId, basic!, 3).catch((error: unknown) => error);
    expect(isPartnerCenterError(refused) && { code: refused.errorCode, retryable: refused.retryable }).toEqual({ code: 'order_rejected', retryable: false });
  });
});
