import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSandboxApp } from '../../sandbox/create-sandbox-app.ts';
import { auth, customerBody, errorShape, sandbox, TOKEN } from './sandbox-test-kit.ts';

describe('sandbox bodies against the contract examples', () => {
  it('should answer POST /v1/customers with 201 and the Customer shape of §4', async () => {
    const { post } = sandbox();
    const body = customerBody({ domain: 'Contoso123.onmicrosoft.com' });
    const response = await post('/v1/customers', body);
    expect(response.status).toBe(201);
    const customer = (await response.json()) as Record<string, any>;
    expect(customer).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      commerceId: expect.any(String),
      companyProfile: { tenantId: customer.id, domain: 'contoso123.onmicrosoft.com', attributes: { objectType: 'CustomerCompanyProfile' } },
      billingProfile: { id: expect.any(String), email: 'it@contoso.example', culture: 'en-US', language: 'en', companyName: 'Contoso Ltd', defaultAddress: { country: 'US', city: 'Redmond' }, attributes: { etag: expect.any(String), objectType: 'CustomerBillingProfile' } },
      relationshipToPartner: 'none',
      enableGDAPByDefault: true,
      userCredentials: { userName: 'admin@contoso123.onmicrosoft.com', password: expect.stringMatching(/^.{16}$/) },
      attributes: { objectType: 'Customer' },
    });
  });

  it('should generate a different password for each customer and never show it in stats', async () => {
    const { post, app } = sandbox();
    const first = (await (await post('/v1/customers', customerBody())).json()) as { userCredentials: { password: string } };
    const second = (await (await post('/v1/customers', customerBody())).json()) as { userCredentials: { password: string } };
    expect(first.userCredentials.password).not.toBe(second.userCredentials.password);
    const stats = await (await app.request('/_sandbox/stats')).text();
    expect(stats).not.toContain(first.userCredentials.password);
    expect(stats).not.toContain('password');
  });

  it('should answer errors with the §10 body and 409 DomainAlreadyExists for a taken domain, any case', async () => {
    const { post } = sandbox();
    const response = await post('/v1/customers', customerBody({ domain: 'TAKEN.onmicrosoft.com' }));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ ...errorShape, code: 'DomainAlreadyExists' });
  });

  it('should answer 401 with the §10 body without a token it issued', async () => {
    const { app } = sandbox();
    const response = await app.request('/v1/customers/relationshiprequests');
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^OAuth realm=urn:cpsvc:cpid:/);
    expect(await response.json()).toEqual({ ...errorShape, code: 400 });
  });

  it.each([
    ['a missing registration number in BR', { country: 'BR', state: 'SP', postalCode: '01310-100' }, 600049],
    ['a CNPJ with wrong check digits', { country: 'BR', state: 'SP', postalCode: '01310-100', registration: '11.222.333/0001-80' }, 600050],
    ['a missing phone in UA', { country: 'UA', state: '', postalCode: '01001', registration: '12345678', phone: '' }, 600051],
    ['a domain prefix with a hyphen', { domain: 'con-toso.onmicrosoft.com' }, 'BadInput'],
    ['a US state that does not exist', { state: 'XX' }, 'BadInput'],
  ])('should refuse %s with 400', async (_name, overrides, code) => {
    const { post } = sandbox();
    const response = await post('/v1/customers', customerBody(overrides));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ...errorShape, code });
  });

  it('should accept a valid CNPJ', async () => {
    const { post } = sandbox();
    const response = await post('/v1/customers', customerBody({ country: 'BR', state: 'SP', postalCode: '01310-100', registration: '11.222.333/0001-81' }));
    expect(response.status).toBe(201);
  });

  it('should replay the same MS-RequestId and body, and refuse it with another body (§0.1)', async () => {
    const { post, state } = sandbox();
    const requestId = randomUUID();
    const body = customerBody();
    const first = await post('/v1/customers', body, { 'MS-RequestId': requestId });
    const replay = await post('/v1/customers', body, { 'MS-RequestId': requestId });
    expect(replay.status).toBe(201);
    expect(await replay.json()).toEqual(await first.json());
    expect(state.customers.size).toBe(1);
    const conflict = await post('/v1/customers', customerBody(), { 'MS-RequestId': requestId });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ code: 'IdempotencyKeyReused' });
  });

  it('should create once when the same MS-RequestId arrives twice at the same time', async () => {
    const { post, state } = sandbox();
    const requestId = randomUUID();
    const body = customerBody();
    const answers = await Promise.all([post('/v1/customers', body, { 'MS-RequestId': requestId }), post('/v1/customers', body, { 'MS-RequestId': requestId })]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    const [first, second] = (await Promise.all(answers.map((answer) => answer.json()))) as { id: string }[];
    expect(second!.id).toBe(first!.id);
    expect(state.customers.size).toBe(1);
  });

  it('should throttle with 429, whole-second Retry-After ≥ 1 and the §10 throttling body, not counting token calls', async () => {
    const { app, get } = sandbox({ rateLimit: { capacity: 2, refillPerSecond: 100 / 60 } });
    const tokenForm = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'a', client_secret: 'b', resource: 'https://api.partnercenter.microsoft.com' });
    for (let i = 0; i < 3; i++) expect((await app.request('/t/oauth2/token', { method: 'POST', body: tokenForm })).status).toBe(200);
    expect((await get('/v1/customers/relationshiprequests')).status).toBe(200);
    expect((await get('/v1/customers/relationshiprequests')).status).toBe(200);
    const throttled = await get('/v1/customers/relationshiprequests');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('1');
    expect(await throttled.json()).toEqual({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' });
  });

  it('should issue v1 and v2 tokens of the right kind (§0.12)', async () => {
    const { app, state } = sandbox();
    const v1 = await app.request('/partner/oauth2/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'a', client_secret: 'b', resource: 'https://api.partnercenter.microsoft.com' }) });
    const v1Body = (await v1.json()) as Record<string, unknown>;
    expect(v1Body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, resource: 'https://api.partnercenter.microsoft.com' });
    expect(v1Body.refresh_token).toBeUndefined();
    expect(state.tokens.get(v1Body.access_token as string)).toBe('app-only');
    const v2 = await app.request('/partner/oauth2/v2.0/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'r', client_id: 'a', scope: 'https://api.partnercenter.microsoft.com/user_impersonation' }) });
    const v2Body = (await v2.json()) as Record<string, unknown>;
    expect(v2Body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, refresh_token: expect.any(String) });
    expect(state.tokens.get(v2Body.access_token as string)).toBe('app+user');
    const code = await app.request('/partner/oauth2/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code: 'any', client_id: 'a', resource: 'r' }) });
    expect(state.tokens.get(((await code.json()) as { access_token: string }).access_token)).toBe('app+user');
    const bad = await app.request('/partner/oauth2/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'password', client_id: 'a', resource: 'r' }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('should refuse an indirect-reseller customer to an app-only token with 403', async () => {
    const { app, post } = sandbox();
    const token = ((await (await app.request('/_sandbox/tokens', { method: 'POST', body: JSON.stringify({ kind: 'app-only' }) })).json()) as { access_token: string }).access_token;
    const response = await post('/v1/customers', { ...customerBody(), AssociatedPartnerId: randomUUID() }, { Authorization: `Bearer ${token}` });
    expect(response.status).toBe(403);
  });

  it('should answer MCA attestation with 201, a future date with 600002 and a repeat with 600061 at 400', async () => {
    const { post } = sandbox();
    const customer = (await (await post('/v1/customers', customerBody())).json()) as { id: string };
    const attestation = { primaryContact: { firstName: 'Ana', lastName: 'Diaz', email: 'ana@contoso.example' }, dateAgreed: '2024-05-01T00:00:00Z', templateId: '117a77b0-9360-443b-8795-c6dedc750cf9', type: 'MicrosoftCustomerAgreement' };
    const created = await post(`/v1/customers/${customer.id}/agreements`, attestation);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ ...attestation, dateAgreed: '2024-05-01T00:00:00.000Z', agreementLink: 'https://aka.ms/customeragreement', userId: expect.any(String) });
    const future = await post(`/v1/customers/${customer.id}/agreements`, { ...attestation, dateAgreed: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.status).toBe(400);
    expect(await future.json()).toMatchObject({ code: 600002, description: 'Date of agreement cannot be greater than the current date.' });
    const repeat = await post(`/v1/customers/${customer.id}/agreements`, attestation);
    expect(repeat.status).toBe(400);
    expect(await repeat.json()).toMatchObject({ ...errorShape, code: 600061 });
  });

  it('should list the MCA template of §7.1', async () => {
    const { get } = sandbox();
    expect(await (await get('/v1/agreements?agreementType=MicrosoftCustomerAgreement')).json()).toEqual({
      totalCount: 1,
      items: [{ templateId: '117a77b0-9360-443b-8795-c6dedc750cf9', agreementType: 'MicrosoftCustomerAgreement', agreementLink: 'https://aka.ms/customeragreement', versionRank: 0 }],
      attributes: { objectType: 'Collection' },
    });
  });

  it.each([
    ['P1M billed annually', { catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 1, billingCycle: 'annual', termDuration: 'P1M' }],
    ['a licence without a term', { catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 1, billingCycle: 'monthly' }],
    ['the Azure plan with quantity 2', { catalogItemId: 'DZH318Z0BQ3Q:0001:DZH318Z0BQ3R', quantity: 2, billingCycle: 'monthly' }],
    ['the legacy offer in a cart', { catalogItemId: '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14', quantity: 1, billingCycle: 'monthly' }],
    ['an id not in the catalog', { catalogItemId: 'CFQ7TTC0XXXX:0001:CFQ7TTC0XXXX', quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' }],
  ])('should refuse a cart with %s (800009)', async (_name, line) => {
    const { post } = sandbox();
    const customer = (await (await post('/v1/customers', customerBody())).json()) as { id: string };
    const response = await post(`/v1/customers/${customer.id}/carts`, { lineItems: [{ id: 0, ...line }] });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ...errorShape, code: 800009 });
  });

  it('should check a cart out once (201 CartCheckoutResult), then answer 800065, and 800008 for an unknown cart', async () => {
    const { post } = sandbox();
    const customer = (await (await post('/v1/customers', customerBody())).json()) as { id: string };
    const cart = (await (await post(`/v1/customers/${customer.id}/carts`, { lineItems: [{ id: 0, catalogItemId: 'cfq7ttc0lh18:0001:cfq7ttc0k5bf', quantity: 3, billingCycle: 'annual', termDuration: 'P3Y' }] })).json()) as Record<string, any>;
    expect(cart).toMatchObject({ id: expect.any(String), status: 'Active', creationTimestamp: expect.any(String), expirationTimestamp: expect.any(String), lineItems: [{ id: 0, catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 3, billingCycle: 'annual', termDuration: 'P3Y' }] });
    const checkout = await post(`/v1/customers/${customer.id}/carts/${cart.id}/checkout`);
    expect(checkout.status).toBe(201);
    expect(await checkout.json()).toMatchObject({ orders: [{ id: expect.any(String), referenceCustomerId: customer.id, billingCycle: 'annual', status: 'completed', lineItems: [{ lineItemNumber: 0, offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 3, termDuration: 'P3Y' }] }], orderErrors: [] });
    expect(await (await post(`/v1/customers/${customer.id}/carts/${cart.id}/checkout`)).json()).toMatchObject({ code: 800065 });
    const unknown = await post(`/v1/customers/${customer.id}/carts/${randomUUID()}/checkout`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 800008 });
  });

  it('should refuse a new-commerce id in a legacy order with 800004', async () => {
    const { post } = sandbox();
    const customer = (await (await post('/v1/customers', customerBody())).json()) as { id: string };
    const response = await post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ lineItemNumber: 0, offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 1 }] });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 800004 });
  });

  it('should refuse purchases before MCA attestation with 403/13605 by default (global cloud, §0.14)', async () => {
    const { app } = createSandboxApp({ testToken: TOKEN });
    const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) });
    const customer = (await (await post('/v1/customers', customerBody())).json()) as { id: string };
    const legacy = { lineItems: [{ lineItemNumber: 0, offerId: '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14', quantity: 1 }] };
    const response = await post(`/v1/customers/${customer.id}/orders`, legacy);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 13605, description: expect.stringContaining('accept the Microsoft Customer Agreement') });
    const agreement = { primaryContact: { firstName: 'Ana', lastName: 'Diaz', email: 'ana@contoso.example' }, dateAgreed: '2026-01-01T00:00:00Z', templateId: '117a77b0-9360-443b-8795-c6dedc750cf9', type: 'MicrosoftCustomerAgreement' };
    expect((await post(`/v1/customers/${customer.id}/agreements`, agreement)).status).toBe(201);
    expect((await post(`/v1/customers/${customer.id}/orders`, legacy)).status).toBe(201);
  });

  it('should create a cart before MCA attestation but refuse its checkout with 403/13605 (§0.14)', async () => {
    const { app } = createSandboxApp({ testToken: TOKEN });
    const post = (path: string, body?: unknown) => app.request(path, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const customer = (await (await post('/v1/customers', customerBody())).json()) as { id: string };
    const created = await post(`/v1/customers/${customer.id}/carts`, { lineItems: [{ id: 0, catalogItemId: 'cfq7ttc0lh18:0001:cfq7ttc0k5bf', quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' }] });
    expect(created.status).toBe(201);
    const cart = (await created.json()) as { id: string; status: string };
    expect(cart.status).toBe('Active');
    const checkout = await post(`/v1/customers/${customer.id}/carts/${cart.id}/checkout`);
    expect(checkout.status).toBe(403);
    expect(await checkout.json()).toMatchObject({ ...errorShape, code: 13605, description: expect.stringContaining('accept the Microsoft Customer Agreement') });
    const unknown = await post(`/v1/customers/${randomUUID()}/carts`, { lineItems: [{ id: 0, catalogItemId: 'cfq7ttc0lh18:0001:cfq7ttc0k5bf', quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' }] });
    expect(unknown.status).toBe(404);
  });

  it('should not refuse purchases for a 21Vianet customer (no attestation there), nor with the knob off', async () => {
    const { app } = createSandboxApp({ testToken: TOKEN });
    const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) });
    const china = (await (await post('/v1/customers', customerBody({ domain: 'chinaco.partner.onmschina.cn' }))).json()) as { id: string };
    const legacy = { lineItems: [{ lineItemNumber: 0, offerId: '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14', quantity: 1 }] };
    expect((await post(`/v1/customers/${china.id}/orders`, legacy)).status).toBe(201);
    const { post: postOff } = sandbox({ requireAgreementForPurchases: false });
    const customer = (await (await postOff('/v1/customers', customerBody())).json()) as { id: string };
    expect((await postOff(`/v1/customers/${customer.id}/orders`, legacy)).status).toBe(201);
  });

  it.each(['usgov', 'china'] as const)('should check out a cart for a customer without MCA in the %s cloud, which has no attestation (§0.14)', async (cloud) => {
    const { post, createCustomer } = sandbox({ cloud, requireAgreementForPurchases: true });
    const customerId = await createCustomer();
    const line = { id: 0, catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' };
    const cart = await post(`/v1/customers/${customerId}/carts`, { lineItems: [line] });
    expect(cart.status).toBe(201);
    const checkout = await post(`/v1/customers/${customerId}/carts/${((await cart.json()) as { id: string }).id}/checkout`);
    expect(checkout.status).toBe(201);
    expect(await checkout.json()).toMatchObject({ orders: [{ lineItems: [{ offerId: line.catalogItemId, quantity: 1 }] }] });
    const legacy = { lineItems: [{ lineItemNumber: 0, offerId: '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14', quantity: 1 }] };
    expect((await post(`/v1/customers/${customerId}/orders`, legacy)).status).toBe(201);
  });

  it('should refuse the checkout for a customer without MCA with 403/13605 in the global cloud', async () => {
    // The cart is made with the refusal off, so that the checkout itself is what is refused.
    const { post, createCustomer, state } = sandbox({ cloud: 'global', requireAgreementForPurchases: false });
    const customerId = await createCustomer();
    const line = { id: 0, catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' };
    const cart = (await (await post(`/v1/customers/${customerId}/carts`, { lineItems: [line] })).json()) as { id: string };
    state.requireAgreementForPurchases = true;
    const checkout = await post(`/v1/customers/${customerId}/carts/${cart.id}/checkout`);
    expect(checkout.status).toBe(403);
    expect(await checkout.json()).toMatchObject({ ...errorShape, code: 13605 });
  });

  it('should answer the relationship request of §9', async () => {
    const { get, state } = sandbox();
    expect(await (await get('/v1/customers/relationshiprequests')).json()).toEqual({
      url: `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${state.partnerTenantId}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`,
      attributes: { objectType: 'RelationshipRequest' },
    });
  });

  it('should serve country rules in the SDK field names and refuse unknown codes', async () => {
    const { get } = sandbox();
    expect(await (await get('/v1/countryvalidationrules/US')).json()).toMatchObject({ iso2Code: 'US', defaultCulture: 'en-US', isStateRequired: true, supportedStatesList: expect.arrayContaining(['WA', 'NY']), isPostalCodeRequired: true, countryCallingCodesList: ['1'] });
    const unknown = await get('/v1/countryvalidationrules/UK');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ description: 'No validation rules were found for the country/region UK' });
  });

  it('should echo the tracing headers and allow any origin', async () => {
    const { app } = sandbox();
    const response = await app.request('/v1/customers/relationshiprequests', { headers: { ...auth, Origin: 'http://localhost:5173', 'MS-RequestId': 'r-1', 'MS-CorrelationId': 'c-1' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('MS-RequestId')).toBe('r-1');
    expect(response.headers.get('MS-CorrelationId')).toBe('c-1');
    const preflight = await app.request('/v1/customers', { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,ms-requestid' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toMatch(/MS-RequestId/i);
  });
});
