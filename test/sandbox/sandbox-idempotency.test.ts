import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SandboxState } from '../../sandbox/sandbox-state.ts';
import { attestationBody, customerBody, errorShape, sandbox } from './sandbox-test-kit.ts';

const LEGACY_OFFER = '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14';
const BUSINESS_BASIC = 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF';

const cartBody = (quantity: number) => ({ lineItems: [{ id: 0, catalogItemId: BUSINESS_BASIC, quantity, billingCycle: 'monthly', termDuration: 'P1M' }] });
const orderBody = (quantity: number) => ({ lineItems: [{ lineItemNumber: 0, offerId: LEGACY_OFFER, quantity }] });

/** How much each creating POST has created so far, to prove a replay created nothing. */
function created(state: SandboxState) {
  return {
    customers: state.customers.size,
    agreements: state.agreements.length,
    carts: state.carts.size,
    orders: [...state.orders.values()].reduce((total, list) => total + list.length, 0),
  };
}

describe('sandbox idempotency on MS-RequestId (§0.1)', () => {
  it.each([
    ['POST /v1/customers', 'customers'],
    ['POST /v1/customers/{id}/agreements', 'agreements'],
    ['POST /v1/customers/{id}/orders', 'orders'],
    ['POST /v1/customers/{id}/carts', 'carts'],
    ['POST /v1/customers/{id}/carts/{cartId}/checkout', 'checkout'],
  ] as const)('should replay %s with the original status and body, create nothing, and refuse another body with 409', async (_name, kind) => {
    const kit = sandbox();
    const customerId = await kit.createCustomer();
    const firstCart = ((await (await kit.post(`/v1/customers/${customerId}/carts`, cartBody(1))).json()) as { id: string }).id;
    const secondCart = ((await (await kit.post(`/v1/customers/${customerId}/carts`, cartBody(2))).json()) as { id: string }).id;
    // The same request twice, and a request that differs only in what it asks for.
    const requests: Record<typeof kind, { path: string; body?: unknown; otherPath?: string; otherBody?: unknown }> = {
      customers: { path: '/v1/customers', body: customerBody(), otherBody: customerBody() },
      agreements: { path: `/v1/customers/${customerId}/agreements`, body: attestationBody(), otherBody: attestationBody({ email: 'other@contoso.example' }) },
      orders: { path: `/v1/customers/${customerId}/orders`, body: orderBody(1), otherBody: orderBody(2) },
      carts: { path: `/v1/customers/${customerId}/carts`, body: cartBody(3), otherBody: cartBody(4) },
      checkout: { path: `/v1/customers/${customerId}/carts/${firstCart}/checkout`, otherPath: `/v1/customers/${customerId}/carts/${secondCart}/checkout` },
    };
    const request = requests[kind];
    const requestId = randomUUID();
    const first = await kit.post(request.path, request.body, { 'MS-RequestId': requestId });
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const after = created(kit.state);
    const replay = await kit.post(request.path, request.body, { 'MS-RequestId': requestId });
    expect(replay.status).toBe(201);
    expect(await replay.json()).toEqual(firstBody);
    expect(created(kit.state)).toEqual(after);
    const other = await kit.post(request.otherPath ?? request.path, request.otherBody ?? request.body, { 'MS-RequestId': requestId });
    expect(other.status).toBe(409);
    expect(await other.json()).toEqual({ ...errorShape, code: 'IdempotencyKeyReused' });
    expect(created(kit.state)).toEqual(after);
  });

  it('should replay the credentials of a created customer exactly, and a refusal as the same refusal', async () => {
    const { post } = sandbox();
    const requestId = randomUUID();
    const body = customerBody();
    const first = (await (await post('/v1/customers', body, { 'MS-RequestId': requestId })).json()) as { userCredentials: { userName: string; password: string } };
    const replay = (await (await post('/v1/customers', body, { 'MS-RequestId': requestId })).json()) as typeof first;
    expect(replay.userCredentials).toEqual(first.userCredentials);
    expect(replay.userCredentials.password).toHaveLength(16);
    const takenId = randomUUID();
    const taken = customerBody({ domain: 'taken.onmicrosoft.com' });
    const refused = await post('/v1/customers', taken, { 'MS-RequestId': takenId });
    const refusedAgain = await post('/v1/customers', taken, { 'MS-RequestId': takenId });
    expect([refused.status, refusedAgain.status]).toEqual([409, 409]);
    expect(await refusedAgain.json()).toEqual(await refused.json());
  });

  it('should treat a body that differs only in key case or order as the same request', async () => {
    const { post, state } = sandbox();
    const requestId = randomUUID();
    const pascal = customerBody();
    const first = await post('/v1/customers', pascal, { 'MS-RequestId': requestId });
    const camel = JSON.parse(JSON.stringify(pascal).replace(/"([A-Z])([A-Za-z0-9]*)":/g, (_match, head: string, tail: string) => `"${head.toLowerCase()}${tail}":`));
    const replay = await post('/v1/customers', { billingProfile: camel.billingProfile, companyProfile: camel.companyProfile, enableGDAPByDefault: true }, { 'MS-RequestId': requestId });
    expect(replay.status).toBe(201);
    expect(await replay.json()).toEqual(await first.json());
    expect(state.customers.size).toBe(1);
  });

  it('should forget an MS-RequestId after 24 hours', async () => {
    const { post, state } = sandbox();
    const requestId = randomUUID();
    expect((await post('/v1/customers', customerBody(), { 'MS-RequestId': requestId })).status).toBe(201);
    const record = state.idempotency.get(requestId)!;
    record.at = Date.now() - 23 * 60 * 60 * 1000;
    expect((await post('/v1/customers', customerBody(), { 'MS-RequestId': requestId })).status).toBe(409);
    record.at = Date.now() - 24 * 60 * 60 * 1000 - 1000;
    expect((await post('/v1/customers', customerBody(), { 'MS-RequestId': requestId })).status).toBe(201);
    expect(state.customers.size).toBe(2);
  });

  it('should drop expired records as new ones come in, so a long run does not keep them all', async () => {
    const { post, state } = sandbox();
    const stale = randomUUID();
    state.idempotency.set(stale, { fingerprint: 'x', status: 201, body: {}, at: Date.now() - 25 * 60 * 60 * 1000 });
    const fresh = randomUUID();
    expect((await post('/v1/customers', customerBody(), { 'MS-RequestId': fresh })).status).toBe(201);
    expect([...state.idempotency.keys()]).toEqual([fresh]);
  });

  it('should not remember a 5xx, so a retry with the same MS-RequestId runs the request', async () => {
    const { app, post, state } = sandbox();
    await app.request('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ errorRate: 1 }) });
    const requestId = randomUUID();
    const body = customerBody();
    expect((await post('/v1/customers', body, { 'MS-RequestId': requestId })).status).toBe(503);
    await app.request('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ errorRate: 0 }) });
    expect((await post('/v1/customers', body, { 'MS-RequestId': requestId })).status).toBe(201);
    expect(state.customers.size).toBe(1);
  });

  it('should create twice when the same body comes with two different MS-RequestIds (the domain then conflicts)', async () => {
    const { post } = sandbox();
    const body = customerBody();
    expect((await post('/v1/customers', body, { 'MS-RequestId': randomUUID() })).status).toBe(201);
    const second = await post('/v1/customers', body, { 'MS-RequestId': randomUUID() });
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({ ...errorShape, code: 'DomainAlreadyExists' });
  });
});

describe('sandbox throttling (§0.3)', () => {
  it('should default to one bucket of 500 refilled at 500/60 per second, shared by all API calls', async () => {
    const { get, post, state } = sandbox();
    expect(state.bucket.limit).toEqual({ capacity: 500, refillPerSecond: 500 / 60 });
    // Alternate endpoints until the first 429: the 500 of the bucket plus what refilled meanwhile.
    const started = Date.now();
    let granted = 0;
    let throttled: Response | undefined;
    while (!throttled && granted < 1000) {
      const response = granted % 2 === 0
        ? await get('/v1/customers/relationshiprequests')
        : await post('/v1/validations/address', { addressLine1: '1 Main St', city: 'Oslo', country: 'NO' });
      if (response.status === 429) throttled = response;
      else granted += 1;
    }
    const refilled = ((Date.now() - started) / 1000) * (500 / 60);
    expect(granted).toBeGreaterThanOrEqual(500);
    expect(granted).toBeLessThanOrEqual(500 + Math.ceil(refilled) + 1);
    expect(throttled?.headers.get('Retry-After')).toBe('1');
    expect(await throttled?.json()).toEqual({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' });
  });

  it('should round Retry-After up to whole seconds and say the same number in the body', async () => {
    const { get } = sandbox({ rateLimit: { capacity: 1, refillPerSecond: 0.4 } });
    expect((await get('/v1/customers/relationshiprequests')).status).toBe(200);
    const throttled = await get('/v1/customers/relationshiprequests');
    expect(throttled.status).toBe(429);
    // One token takes 2.5 s at 0.4 per second: rounded up to 3.
    expect(throttled.headers.get('Retry-After')).toBe('3');
    expect(await throttled.json()).toEqual({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 3 seconds.' });
  });

  it('should not count token-endpoint or sandbox-control calls', async () => {
    const { app, get } = sandbox({ rateLimit: { capacity: 1, refillPerSecond: 0.01 } });
    for (let i = 0; i < 5; i++) {
      const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'a', client_secret: 'b', scope: 'https://api.partnercenter.microsoft.com/.default' });
      expect((await app.request('/partner/oauth2/v2.0/token', { method: 'POST', body: form })).status).toBe(200);
      expect((await app.request('/_sandbox/stats')).status).toBe(200);
    }
    expect((await get('/v1/customers/relationshiprequests')).status).toBe(200);
    expect((await get('/v1/customers/relationshiprequests')).status).toBe(429);
  });
});

describe('sandbox headers (§2)', () => {
  it('should echo MS-RequestId and MS-CorrelationId on successes, errors and throttling', async () => {
    const { app, post, get } = sandbox({ rateLimit: { capacity: 2, refillPerSecond: 0.01 } });
    const ids = () => ({ 'MS-RequestId': randomUUID(), 'MS-CorrelationId': randomUUID() });
    const expectEcho = (response: Response, sent: Record<string, string>) => {
      expect(response.headers.get('MS-RequestId')).toBe(sent['MS-RequestId']);
      expect(response.headers.get('MS-CorrelationId')).toBe(sent['MS-CorrelationId']);
    };
    let sent = ids();
    const createdCustomer = await post('/v1/customers', customerBody(), sent);
    expect(createdCustomer.status).toBe(201);
    expectEcho(createdCustomer, sent);
    sent = ids();
    const refused = await post('/v1/customers', customerBody({ domain: 'taken.onmicrosoft.com' }), sent);
    expect(refused.status).toBe(409);
    expectEcho(refused, sent);
    sent = ids();
    const throttled = await get('/v1/customers/relationshiprequests', sent);
    expect(throttled.status).toBe(429);
    expectEcho(throttled, sent);
    sent = ids();
    const unauthorized = await app.request('/v1/customers/relationshiprequests', { headers: sent });
    expect(unauthorized.status).toBe(401);
    expectEcho(unauthorized, sent);
  });

  it('should accept MS-Contract-Version without requiring it', async () => {
    const { get } = sandbox();
    expect((await get('/v1/customers/relationshiprequests', { 'MS-Contract-Version': 'v1' })).status).toBe(200);
    expect((await get('/v1/customers/relationshiprequests', { 'MS-Contract-Version': 'api-version: v1' })).status).toBe(200);
    expect((await get('/v1/customers/relationshiprequests')).status).toBe(200);
  });

  it('should read PascalCase keys on every creating POST, not only customers', async () => {
    const { post, createCustomer } = sandbox();
    const customerId = await createCustomer();
    const agreement = await post(`/v1/customers/${customerId}/agreements`, {
      PrimaryContact: { FirstName: 'Ana', LastName: 'Diaz', Email: 'ana@contoso.example' },
      DateAgreed: '2024-05-01T00:00:00Z', TemplateId: '117a77b0-9360-443b-8795-c6dedc750cf9', Type: 'MicrosoftCustomerAgreement',
    });
    expect(agreement.status).toBe(201);
    const cart = await post(`/v1/customers/${customerId}/carts`, { LineItems: [{ Id: 0, CatalogItemId: BUSINESS_BASIC, Quantity: 2, BillingCycle: 'annual', TermDuration: 'P1Y' }] });
    expect(cart.status).toBe(201);
    expect(await cart.json()).toMatchObject({ lineItems: [{ catalogItemId: BUSINESS_BASIC, quantity: 2, billingCycle: 'annual', termDuration: 'P1Y' }] });
  });
});
