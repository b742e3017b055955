import { afterEach, describe, expect, it } from 'vitest';
import { isPartnerCenterError } from './partner-center-error.ts';
import { sampleCustomerRequest, startSandboxClient } from '../../test/support/partner-center/start-sandbox-client.ts';

const BUSINESS_BASIC = 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF';
const LEGACY_E1 = '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('client read-backs of writes (§8, §0.20), over HTTP against the sandbox', () => {
  it("should list the customer's checkout and legacy orders with their lines and creation dates, its agreements, and a cart's status", async () => {
    const env = await startSandboxClient();
    cleanups.push(env.close);
    const { client } = env;
    const before = Date.now();
    const { id: customerId } = await client.createCustomer(sampleCustomerRequest());
    expect(await client.listOrders(customerId)).toEqual([]);
    expect(await client.listCustomerAgreements(customerId)).toEqual([]);
    await client.confirmCustomerAgreement(customerId, { contact: { firstName: 'Ana', lastName: 'Diaz', email: 'ana@contoso.example' }, dateAgreed: '2025-01-15' });
    expect(await client.listCustomerAgreements(customerId)).toEqual([
      { type: 'MicrosoftCustomerAgreement', templateId: '117a77b0-9360-443b-8795-c6dedc750cf9', dateAgreed: '2025-01-15T00:00:00.000Z', contact: { firstName: 'Ana', lastName: 'Diaz', email: 'ana@contoso.example' } },
    ]);
    const cart = await client.createCart(customerId, [{ id: BUSINESS_BASIC, quantity: 3, term: 'P1Y', billingCycle: 'annual' }]);
    expect(await client.getCart(customerId, cart.id)).toEqual(cart);
    const [checkedOut] = await client.checkoutCart(customerId, cart.id);
    expect(await client.getCart(customerId, cart.id)).toEqual({ ...cart, status: 'Ordered' });
    const legacy = await client.createOrder(customerId, [{ id: LEGACY_E1, quantity: 2 }]);

    const orders = await client.listOrders(customerId);
    expect(orders).toEqual([checkedOut, legacy]);
    expect(orders.map((order) => order.lineItems.map((line) => [line.offerId, line.quantity]))).toEqual([[[BUSINESS_BASIC, 3]], [[LEGACY_E1, 2]]]);
    for (const order of orders) expect(Date.parse(order.creationDate!)).toBeGreaterThanOrEqual(before);
  });

  it('should throw a PartnerCenterError with status 404 for an unknown customer', async () => {
    const env = await startSandboxClient();
    cleanups.push(env.close);
    const error = await env.client.listOrders('00000000-0000-4000-8000-000000000000').catch((caught: unknown) => caught);
    expect(isPartnerCenterError(error) && error.status).toBe(404);
  });
});
