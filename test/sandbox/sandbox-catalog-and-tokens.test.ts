import { describe, expect, it } from 'vitest';
import { attestationBody, customerBody, errorShape, sandbox } from './sandbox-test-kit.ts';

/** The catalog of docs/contracts/partner-center.md §0.10, verbatim. */
const CATALOG: [string, string][] = [
  ['CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', 'Microsoft 365 Business Basic'],
  ['CFQ7TTC0LDPB:0001:CFQ7TTC0K5C2', 'Microsoft 365 Business Standard'],
  ['CFQ7TTC0LCHC:0002:CFQ7TTC0K5CM', 'Microsoft 365 Business Premium'],
  ['CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ', 'Office 365 E3'],
  ['CFQ7TTC0LFLX:0001:CFQ7TTC0K5F0', 'Microsoft 365 E3'],
  ['CFQ7TTC0LFLZ:0002:CFQ7TTC0K5F5', 'Microsoft 365 E5'],
  ['CFQ7TTC0LH16:0001:CFQ7TTC0K5BL', 'Exchange Online (Plan 1)'],
  ['CFQ7TTC0J1FV:0002:CFQ7TTC0K5QS', 'Microsoft Teams Essentials'],
  ['CFQ7TTC0LCHC:0001:CFQ7TTC0K5CQ', 'Microsoft Defender for Business'],
  ['CFQ7TTC0LHSV:0001:CFQ7TTC0K5GJ', 'Microsoft 365 Apps for business'],
  ['DZH318Z0BQ3Q:0001:DZH318Z0BQ3R', 'Azure plan'],
  ['3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14', 'Office 365 E1 (legacy offer)'],
];
const AZURE_PLAN = 'DZH318Z0BQ3R';
const LICENCES = CATALOG.slice(0, 10);
const LICENCE_TERMS = [
  { duration: 'P1M', billingCycle: 'monthly' },
  { duration: 'P1Y', billingCycle: 'monthly' },
  { duration: 'P1Y', billingCycle: 'annual' },
  { duration: 'P3Y', billingCycle: 'monthly' },
  { duration: 'P3Y', billingCycle: 'annual' },
];

interface Availability { catalogItemId: string; product: { title: string }; terms: { duration: string; billingCycle: string }[] }

describe('sandbox catalog (§0.10)', () => {
  it('should list exactly the 12 items with their names through products, skus, availabilities and offers, in any country', async () => {
    for (const country of ['US', 'jp', 'BR']) {
      const { get } = sandbox();
      const found: [string, string][] = [];
      for (const view of ['OnlineServicesNCE', 'Azure']) {
        const products = (await (await get(`/v1/products?country=${country}&targetView=${view}`)).json()) as { items: { id: string }[] };
        for (const product of products.items) {
          const skus = (await (await get(`/v1/products/${product.id}/skus?country=${country}`)).json()) as { items: { id: string }[] };
          for (const sku of skus.items) {
            const availabilities = (await (await get(`/v1/products/${product.id}/skus/${sku.id}/availabilities?country=${country}`)).json()) as { items: (Availability & { sku: { title: string } })[] };
            for (const availability of availabilities.items) found.push([availability.catalogItemId, availability.sku.title]);
          }
        }
      }
      const offers = (await (await get(`/v1/offers?country=${country}`)).json()) as { items: { id: string; name: string }[] };
      for (const offer of offers.items) found.push([offer.id, offer.name]);
      expect(found.sort()).toEqual([...CATALOG].sort());
    }
  });

  it.each(LICENCES)('should offer %s (%s) for P1M monthly and P1Y/P3Y monthly or annual', async (id) => {
    const { get } = sandbox();
    const [productId, skuId, availabilityId] = id.toLowerCase().split(':');
    const response = await get(`/v1/products/${productId}/skus/${skuId}/availabilities/${availabilityId}?country=US`);
    expect(response.status).toBe(200);
    const availability = (await response.json()) as Availability;
    expect(availability.catalogItemId).toBe(id);
    expect(availability.terms.map(({ duration, billingCycle }) => ({ duration, billingCycle }))).toEqual(LICENCE_TERMS);
  });

  it('should give the Azure plan no term', async () => {
    const { get } = sandbox();
    const availability = (await (await get(`/v1/products/DZH318Z0BQ3Q/skus/0001/availabilities/${AZURE_PLAN}?country=US`)).json()) as Availability;
    expect(availability.terms).toEqual([]);
  });

  it('should buy the Azure plan once, monthly, without a term, and refuse it with another quantity, annual billing or a term', async () => {
    const { post, createCustomer } = sandbox();
    const customerId = await createCustomer();
    const line = { id: 0, catalogItemId: CATALOG[10]![0].toLowerCase(), quantity: 1, billingCycle: 'monthly' };
    const cart = await post(`/v1/customers/${customerId}/carts`, { lineItems: [line] });
    expect(cart.status).toBe(201);
    expect(await cart.json()).toMatchObject({ lineItems: [{ catalogItemId: CATALOG[10]![0], quantity: 1, billingCycle: 'monthly' }] });
    for (const wrong of [{ quantity: 3 }, { billingCycle: 'annual' }, { termDuration: 'P1Y' }]) {
      const refused = await post(`/v1/customers/${customerId}/carts`, { lineItems: [{ ...line, ...wrong }] });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ ...errorShape, code: 800009 });
    }
  });

  it('should ignore a term on the legacy offer and order it by its id in any case', async () => {
    const { post, createCustomer } = sandbox();
    const customerId = await createCustomer();
    const order = await post(`/v1/customers/${customerId}/orders`, { billingCycle: 'annual', lineItems: [{ lineItemNumber: 0, offerId: CATALOG[11]![0].toLowerCase(), quantity: 5, termDuration: 'P1Y' }] });
    expect(order.status).toBe(201);
    const body = (await order.json()) as { lineItems: Record<string, unknown>[] };
    expect(body).toMatchObject({ id: expect.any(String), billingCycle: 'annual', status: expect.any(String), lineItems: [{ lineItemNumber: 0, offerId: CATALOG[11]![0], quantity: 5, subscriptionId: expect.any(String) }] });
    expect(body.lineItems[0]).not.toHaveProperty('termDuration');
  });

  it('should report each bad cart line in the 800009 answer as a CartLineItem with its error (§8)', async () => {
    const { post, createCustomer } = sandbox();
    const customerId = await createCustomer();
    const response = await post(`/v1/customers/${customerId}/carts`, {
      lineItems: [
        { id: 0, catalogItemId: 'CFQ7TTC0XXXX:0001:CFQ7TTC0XXXX', quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' },
        { id: 1, catalogItemId: CATALOG[0]![0], quantity: 1, billingCycle: 'annual', termDuration: 'P1M' },
        { id: 2, catalogItemId: CATALOG[1]![0], quantity: 1, billingCycle: 'annual', termDuration: 'P1Y' },
        { id: 3, catalogItemId: CATALOG[11]![0], quantity: 1, billingCycle: 'monthly' },
      ],
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ...errorShape,
      code: 800009,
      description: expect.stringContaining('10001'),
      data: [
        { id: 0, catalogItemId: 'CFQ7TTC0XXXX:0001:CFQ7TTC0XXXX', error: { errorCode: 10001, errorDescription: expect.stringMatching(/^CatalogItemIdIsNotValid/) } },
        { id: 1, catalogItemId: CATALOG[0]![0], error: { errorCode: 10010, errorDescription: expect.stringContaining('P1M with billing cycle annual') } },
        { id: 3, catalogItemId: CATALOG[11]![0], error: { errorCode: 500600, errorDescription: expect.stringMatching(/^LegacyOfferNotEligibleForPurchase/) } },
      ],
    });
  });

  it('should split a checkout into one order per billing cycle and answer CartCheckoutResult', async () => {
    const { post, createCustomer } = sandbox();
    const customerId = await createCustomer();
    const cart = (await (await post(`/v1/customers/${customerId}/carts`, {
      lineItems: [
        { id: 0, catalogItemId: CATALOG[0]![0], quantity: 2, billingCycle: 'monthly', termDuration: 'P1M' },
        { id: 1, catalogItemId: CATALOG[5]![0], quantity: 4, billingCycle: 'annual', termDuration: 'P1Y' },
        { id: 2, catalogItemId: CATALOG[10]![0], quantity: 1, billingCycle: 'monthly' },
      ],
    })).json()) as { id: string };
    const checkout = await post(`/v1/customers/${customerId}/carts/${cart.id}/checkout`);
    expect(checkout.status).toBe(201);
    const result = (await checkout.json()) as { orders: { billingCycle: string; lineItems: { offerId: string }[] }[]; orderErrors: unknown[] };
    expect(result.orderErrors).toEqual([]);
    expect(result.orders.map((order) => [order.billingCycle, order.lineItems.map((line) => line.offerId)])).toEqual([
      ['monthly', [CATALOG[0]![0], CATALOG[10]![0]]],
      ['annual', [CATALOG[5]![0]]],
    ]);
  });
});

describe('sandbox sign-in authority (§0.12)', () => {
  const v1 = (fields: Record<string, string>) => new URLSearchParams({ client_id: 'app', client_secret: 'secret', ...fields });

  it('should answer the v1 form with resource, and the v2 form with scope, expires_in 3600', async () => {
    const { app, state } = sandbox();
    const first = await app.request('/contoso.onmicrosoft.com/oauth2/token', { method: 'POST', body: v1({ grant_type: 'client_credentials', resource: 'https://api.partnercenter.microsoft.com' }) });
    expect(first.status).toBe(200);
    const appOnly = (await first.json()) as Record<string, unknown>;
    expect(appOnly).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String), expires_in: 3600, ext_expires_in: 3600, resource: 'https://api.partnercenter.microsoft.com' });
    // The v1 extras of §1, numbers as strings there: expires_on is an hour after not_before.
    expect(Number(appOnly.expires_on) - Number(appOnly.not_before)).toBe(3600);
    const second = await app.request('/contoso.onmicrosoft.com/oauth2/v2.0/token', { method: 'POST', body: v1({ grant_type: 'client_credentials', scope: 'https://api.partnercenter.microsoft.com/.default' }) });
    const v2AppOnly = (await second.json()) as Record<string, unknown>;
    expect(v2AppOnly).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String), expires_in: 3600 });
    expect(v2AppOnly).not.toHaveProperty('refresh_token');
    expect(state.tokens.get(v2AppOnly.access_token as string)).toBe('app-only');
    const user = (await (await app.request('/common/oauth2/v2.0/token', { method: 'POST', body: v1({ grant_type: 'authorization_code', code: 'anything', scope: 'https://api.partnercenter.microsoft.com/user_impersonation offline_access' }) })).json()) as Record<string, unknown>;
    expect(user).toMatchObject({ token_type: 'Bearer', expires_in: 3600, refresh_token: expect.any(String) });
    expect(state.tokens.get(user.access_token as string)).toBe('app+user');
    const refreshed = (await (await app.request('/common/oauth2/token', { method: 'POST', body: v1({ grant_type: 'refresh_token', refresh_token: user.refresh_token as string, resource: 'https://api.partnercenter.microsoft.com' }) })).json()) as Record<string, unknown>;
    expect(state.tokens.get(refreshed.access_token as string)).toBe('app+user');
  });

  it('should refuse a v1 call without resource and a v2 call without scope, in the OAuth and §10 shapes', async () => {
    const { app } = sandbox();
    const noResource = await app.request('/t/oauth2/token', { method: 'POST', body: v1({ grant_type: 'client_credentials' }) });
    expect(noResource.status).toBe(400);
    // OAuth's fields for MSAL, and the §10 fields like every other sandbox error (§0.13).
    expect(await noResource.json()).toEqual({ error: 'invalid_request', error_description: expect.stringContaining('resource'), ...errorShape, code: 'invalid_request' });
    const noScope = await app.request('/t/oauth2/v2.0/token', { method: 'POST', body: v1({ grant_type: 'client_credentials' }) });
    expect(noScope.status).toBe(400);
  });

  it('should accept its own tokens on the API, refuse others with 401 and the §10 body', async () => {
    const { app } = sandbox();
    const issued = ((await (await app.request('/t/oauth2/token', { method: 'POST', body: v1({ grant_type: 'client_credentials', resource: 'r' }) })).json()) as { access_token: string }).access_token;
    expect((await app.request('/v1/customers/relationshiprequests', { headers: { Authorization: `Bearer ${issued}` } })).status).toBe(200);
    const foreign = await app.request('/v1/customers/relationshiprequests', { headers: { Authorization: 'Bearer eyJ.not.issued' } });
    expect(foreign.status).toBe(401);
    expect(await foreign.json()).toEqual({ ...errorShape, code: 400 });
  });

  it('should let app+user attest MCA and answer an app-only token with 403 and the §10 body', async () => {
    const { post, createCustomer, token } = sandbox();
    const customerId = await createCustomer();
    const appOnly = await post(`/v1/customers/${customerId}/agreements`, attestationBody(), { Authorization: `Bearer ${await token('app-only')}` });
    expect(appOnly.status).toBe(403);
    expect(await appOnly.json()).toEqual({ ...errorShape, code: expect.any(Number) });
    const appUser = await post(`/v1/customers/${customerId}/agreements`, attestationBody(), { Authorization: `Bearer ${await token('app+user')}` });
    expect(appUser.status).toBe(201);
    expect(await appUser.json()).toMatchObject({ templateId: '117a77b0-9360-443b-8795-c6dedc750cf9', type: 'MicrosoftCustomerAgreement', userId: expect.any(String) });
  });

  it('should let an app-only token create a direct customer but not an indirect-reseller one', async () => {
    const { post, token } = sandbox();
    const appOnly = { Authorization: `Bearer ${await token('app-only')}` };
    expect((await post('/v1/customers', customerBody(), appOnly)).status).toBe(201);
    const indirect = await post('/v1/customers', { ...customerBody(), associatedPartnerId: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b' }, appOnly);
    expect(indirect.status).toBe(403);
    expect(await indirect.json()).toEqual({ ...errorShape, code: expect.any(Number) });
  });
});

describe('sandbox error bodies (§0.13)', () => {
  it('should use {code, description, data, source} for unknown endpoints, bad JSON and validation failures', async () => {
    const { app, post, get } = sandbox();
    const unknown = await get('/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ...errorShape, code: 'NotFound' });
    const badJson = await app.request('/v1/customers', { method: 'POST', headers: { Authorization: 'Bearer contract-test-token', 'Content-Type': 'application/json' }, body: '{"companyProfile":' });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual({ ...errorShape, code: 'BadInput' });
    const invalid = await post('/v1/customers', { companyProfile: { domain: 'x.onmicrosoft.com' } });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ ...errorShape, code: 'BadInput', description: expect.stringContaining('billingProfile') });
  });
});
