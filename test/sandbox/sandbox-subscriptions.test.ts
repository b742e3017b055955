import { describe, expect, it } from 'vitest';
import { auth, errorShape, sandbox } from './sandbox-test-kit.ts';

const BUSINESS_BASIC = 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF';
const E5 = 'CFQ7TTC0LFLZ:0002:CFQ7TTC0K5F5';
const LEGACY_OFFER = '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14';

interface Subscription {
  id: string;
  offerId: string;
  quantity: number;
  status: string;
  termDuration?: string;
  billingCycle: string;
  orderId: string;
  attributes: { etag: string; objectType: string };
}

/** A customer who bought Business Basic ×10 (P1Y monthly) and E5 ×2 (P1M) through a cart, and the legacy E1 ×3. */
async function customerWithPurchases() {
  const kit = sandbox();
  const customerId = await kit.createCustomer();
  const cart = (await (await kit.post(`/v1/customers/${customerId}/carts`, {
    lineItems: [
      { id: 0, catalogItemId: BUSINESS_BASIC, quantity: 10, billingCycle: 'monthly', termDuration: 'P1Y' },
      { id: 1, catalogItemId: E5, quantity: 2, billingCycle: 'monthly', termDuration: 'P1M' },
    ],
  })).json()) as { id: string };
  expect((await kit.post(`/v1/customers/${customerId}/carts/${cart.id}/checkout`)).status).toBe(201);
  expect((await kit.post(`/v1/customers/${customerId}/orders`, { billingCycle: 'monthly', lineItems: [{ lineItemNumber: 0, offerId: LEGACY_OFFER, quantity: 3 }] })).status).toBe(201);
  const list = async () => ((await (await kit.get(`/v1/customers/${customerId}/subscriptions`)).json()) as { totalCount: number; items: Subscription[] });
  const patch = (subscription: Subscription, quantity: number, headers: Record<string, string> = {}) =>
    kit.app.request(`/v1/customers/${customerId}/subscriptions/${subscription.id}`, { method: 'PATCH', headers: { ...auth, ...headers }, body: JSON.stringify({ ...subscription, quantity }) });
  return { ...kit, customerId, list, patch };
}

describe('sandbox subscriptions (§0.19)', () => {
  it('should create one active subscription per bought line, with the id bought, its term and cycle', async () => {
    const { list } = await customerWithPurchases();
    const { totalCount, items } = await list();
    expect(totalCount).toBe(3);
    expect(items).toEqual([
      expect.objectContaining({ offerId: BUSINESS_BASIC, quantity: 10, status: 'active', termDuration: 'P1Y', billingCycle: 'monthly', offerName: 'Microsoft 365 Business Basic', attributes: { etag: expect.any(String), objectType: 'Subscription' } }),
      expect.objectContaining({ offerId: E5, quantity: 2, status: 'active', termDuration: 'P1M', billingCycle: 'monthly' }),
      expect.objectContaining({ offerId: LEGACY_OFFER, quantity: 3, status: 'active' }),
    ]);
  });

  it('should give each order line the id of the subscription it created, and serve that subscription by id', async () => {
    const { get, customerId, list } = await customerWithPurchases();
    const orders = (await (await get(`/v1/customers/${customerId}/orders`)).json()) as { items: { id: string; lineItems: { subscriptionId: string }[] }[] };
    const lineSubscriptions = orders.items.flatMap((order) => order.lineItems.map((line) => line.subscriptionId));
    expect(lineSubscriptions.sort()).toEqual((await list()).items.map((item) => item.id).sort());
    const first = (await list()).items[0]!;
    const read = await get(`/v1/customers/${customerId}/subscriptions/${first.id.toUpperCase()}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(first);
    expect(orders.items.map((order) => order.id)).toContain(first.orderId);
  });

  it('should raise the quantity with the whole resource and give it a new etag', async () => {
    const { list, patch } = await customerWithPurchases();
    const basic = (await list()).items[0]!;
    const raised = await patch(basic, 15, { 'If-Match': basic.attributes.etag });
    expect(raised.status).toBe(200);
    const body = (await raised.json()) as Subscription;
    expect(body).toMatchObject({ id: basic.id, quantity: 15 });
    expect(body.attributes.etag).not.toBe(basic.attributes.etag);
    expect((await list()).items[0]!.quantity).toBe(15);
  });

  it('should answer 412 to a stale etag and change nothing', async () => {
    const { list, patch } = await customerWithPurchases();
    const basic = (await list()).items[0]!;
    expect((await patch(basic, 12)).status).toBe(200);
    const stale = await patch(basic, 20, { 'If-Match': basic.attributes.etag });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toEqual({ ...errorShape, code: 'PreconditionFailed' });
    expect((await list()).items[0]!.quantity).toBe(12);
  });

  it('should set the same quantity again without change, so a replayed PATCH is harmless', async () => {
    const { list, patch } = await customerWithPurchases();
    const basic = (await list()).items[0]!;
    const first = (await (await patch(basic, 15)).json()) as Subscription;
    const again = await patch(basic, 15);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Subscription).attributes.etag).toBe(first.attributes.etag);
    expect((await list()).items[0]!.quantity).toBe(15);
  });

  it('should refuse a decrease, a quantity out of range and a body for another subscription with 400', async () => {
    const { list, patch } = await customerWithPurchases();
    const [basic, e5] = (await list()).items;
    for (const response of [await patch(basic!, 9), await patch(basic!, 10_001), await patch({ ...e5!, id: basic!.id }, 20)]) {
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ ...errorShape, code: 'BadInput' });
    }
    expect((await list()).items.map((item) => item.quantity)).toEqual([10, 2, 3]);
  });

  it('should answer 404 for an unknown customer or subscription', async () => {
    const { get, customerId } = await customerWithPurchases();
    expect((await get('/v1/customers/00000000-0000-0000-0000-000000000000/subscriptions')).status).toBe(404);
    const missing = await get(`/v1/customers/${customerId}/subscriptions/00000000-0000-0000-0000-000000000000`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ ...errorShape, code: 'NotFound' });
  });

  it('should count subscription calls per endpoint like every other call', async () => {
    const { state, list, patch } = await customerWithPurchases();
    const basic = (await list()).items[0]!;
    await patch(basic, 11);
    expect(state.callsPerEndpoint.get('GET /v1/customers/{customerId}/subscriptions')).toBe(1);
    expect(state.callsPerEndpoint.get('PATCH /v1/customers/{customerId}/subscriptions/{subscriptionId}')).toBe(1);
  });
});
