import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auth, errorShape, sandbox } from './sandbox-test-kit.ts';

const BUSINESS_BASIC = 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF';
const E5 = 'CFQ7TTC0LFLZ:0002:CFQ7TTC0K5F5';
const LEGACY_OFFER = '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14';

describe('sandbox carts and orders (§8)', () => {
  it('should read a cart, update it while Active, and show it Ordered after checkout', async () => {
    const { app, post, get, createCustomer } = sandbox();
    const customerId = await createCustomer();
    const created = (await (await post(`/v1/customers/${customerId}/carts`, { lineItems: [{ id: 0, catalogItemId: BUSINESS_BASIC, quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' }] })).json()) as { id: string };
    const read = await get(`/v1/customers/${customerId}/carts/${created.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: created.id, status: 'Active', lineItems: [{ catalogItemId: BUSINESS_BASIC, quantity: 1 }], attributes: { objectType: 'Cart' } });
    const put = (body: unknown) => app.request(`/v1/customers/${customerId}/carts/${created.id}`, { method: 'PUT', headers: auth, body: JSON.stringify(body) });
    const updated = await put({ LineItems: [{ Id: 0, CatalogItemId: E5.toLowerCase(), Quantity: 7, BillingCycle: 'annual', TermDuration: 'p3y' }] });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ id: created.id, status: 'Active', lineItems: [{ catalogItemId: E5, quantity: 7, billingCycle: 'annual', termDuration: 'P3Y' }] });
    const badLine = await put({ lineItems: [{ id: 0, catalogItemId: E5, quantity: 1, billingCycle: 'annual', termDuration: 'P1M' }] });
    expect(badLine.status).toBe(400);
    expect(await badLine.json()).toEqual({ ...errorShape, code: 800009 });
    const checkout = (await (await post(`/v1/customers/${customerId}/carts/${created.id}/checkout`)).json()) as { orders: { lineItems: { offerId: string; quantity: number }[] }[] };
    expect(checkout.orders[0]!.lineItems).toMatchObject([{ offerId: E5, quantity: 7 }]);
    expect(await (await get(`/v1/customers/${customerId}/carts/${created.id}`)).json()).toMatchObject({ status: 'Ordered' });
    const late = await put({ lineItems: [{ id: 0, catalogItemId: E5, quantity: 1, billingCycle: 'annual', termDuration: 'P1Y' }] });
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ code: 800065 });
    const unknown = await get(`/v1/customers/${customerId}/carts/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ...errorShape, code: 800008 });
  });

  it('should answer a legacy order with 201, the Order fields and links that lead back to it', async () => {
    const { post, get, createCustomer } = sandbox();
    const customerId = await createCustomer();
    const response = await post(`/v1/customers/${customerId}/orders`, { referenceCustomerId: customerId, billingCycle: 'monthly', lineItems: [{ lineItemNumber: 0, offerId: LEGACY_OFFER, quantity: 3 }] });
    expect(response.status).toBe(201);
    const order = (await response.json()) as { id: string; links: { self: { uri: string } } };
    expect(order).toMatchObject({
      id: expect.any(String), referenceCustomerId: customerId, currencyCode: expect.any(String), creationDate: expect.any(String), status: 'completed',
      links: { provisioningStatus: { uri: expect.stringContaining(order.id), method: 'GET' }, self: { uri: `/customers/${customerId}/orders/${order.id}`, method: 'GET' } },
      attributes: { objectType: 'Order' },
    });
    const self = await get(`/v1${order.links.self.uri}`);
    expect(self.status).toBe(200);
    expect(await self.json()).toEqual(order);
    const list = (await (await get(`/v1/customers/${customerId}/orders`)).json()) as { totalCount: number; items: { id: string }[] };
    expect(list.items.map((item) => item.id)).toEqual([order.id]);
    expect((await get(`/v1/customers/${customerId}/orders/nope`)).status).toBe(404);
  });
});
