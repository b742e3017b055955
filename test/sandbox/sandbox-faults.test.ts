import { describe, expect, it } from 'vitest';
import { createSandboxApp } from '../../sandbox/create-sandbox-app.ts';
import { startSandbox } from '../../sandbox/start-sandbox.ts';
import { sandboxOptionsFromEnv } from '../../sandbox/sandbox-options-from-env.ts';
import { createTokenBucket } from '../../sandbox/internal/token-bucket.ts';

const TOKEN = 'faults-test-token';
const auth = { Authorization: `Bearer ${TOKEN}` };

function customerBody(prefix: string) {
  return {
    companyProfile: { domain: `${prefix}.onmicrosoft.com` },
    billingProfile: {
      culture: 'en-US', email: 'it@contoso.example', language: 'en', companyName: 'Contoso',
      defaultAddress: { firstName: 'A', lastName: 'B', addressLine1: '1 Main St', city: 'Redmond', state: 'WA', postalCode: '98052', country: 'US' },
    },
  };
}

describe('sandbox fault injection and inspection', () => {
  it('should change faults at run time, validate them, and leave admin and token endpoints unfaulted', async () => {
    const { app } = createSandboxApp({ testToken: TOKEN });
    const invalid = await app.request('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ errorRate: 2 }) });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ code: 'BadInput', description: expect.stringContaining('errorRate') });
    const updated = await app.request('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ errorRate: 1, rateLimit: { capacity: 10 } }) });
    expect(await updated.json()).toMatchObject({ errorRate: 1, latencyMs: 0, rateLimit: { capacity: 10, refillPerSecond: 500 / 60 } });
    const api = await app.request('/v1/customers/relationshiprequests', { headers: auth });
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ code: 'ServiceUnavailable', data: [], source: 'PartnerFD' });
    expect((await app.request('/_sandbox/stats')).status).toBe(200);
    const token = await app.request('/t/oauth2/v2.0/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'a', client_secret: 'b', scope: 'x/.default' }) });
    expect(token.status).toBe(200);
  });

  it('should add the configured latency to API calls only', async () => {
    const { app } = createSandboxApp({ testToken: TOKEN, faults: { latencyMs: 150 } });
    let started = Date.now();
    await app.request('/v1/customers/relationshiprequests', { headers: auth });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    started = Date.now();
    await app.request('/_sandbox/stats');
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('should make the same fault decisions for the same seed', async () => {
    const outcomes = async () => {
      const { app } = createSandboxApp({ testToken: TOKEN, seed: 42, faults: { errorRate: 0.5 } });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await app.request('/v1/customers/relationshiprequests', { headers: auth })).status);
      return statuses;
    };
    const first = await outcomes();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await outcomes()).toEqual(first);
  });

  it('should count calls per endpoint and creations per domain, and forget them on reset', async () => {
    const { app, state } = createSandboxApp({ testToken: TOKEN });
    await app.request('/v1/customers', { method: 'POST', headers: auth, body: JSON.stringify(customerBody('statsone')) });
    await app.request('/v1/domains/statsone.onmicrosoft.com', { method: 'HEAD', headers: auth });
    await app.request('/v1/domains/other.onmicrosoft.com', { method: 'HEAD', headers: auth });
    const stats = (await (await app.request('/_sandbox/stats')).json()) as Record<string, any>;
    expect(stats.callsPerEndpoint).toEqual({ 'POST /v1/customers': 1, 'HEAD /v1/domains/{domain}': 2 });
    expect(stats.creationsPerDomain).toEqual({ 'statsone.onmicrosoft.com': 1 });
    expect(stats.customers).toEqual([expect.objectContaining({ domain: 'statsone.onmicrosoft.com', companyName: 'Contoso', agreements: 0, orders: [] })]);
    await app.request('/_sandbox/reset', { method: 'POST' });
    expect(await (await app.request('/_sandbox/stats')).json()).toEqual({ creationsPerDomain: {}, callsPerEndpoint: {}, customers: [] });
    expect(state.domains.has('taken.onmicrosoft.com')).toBe(true);
    expect((await app.request('/v1/domains/statsone.onmicrosoft.com', { method: 'HEAD', headers: auth })).status).toBe(404);
  });

  it('should reset the connection after committing when the drop mode is reset (real HTTP)', async () => {
    const sandbox = await startSandbox({ testToken: TOKEN, faults: { dropAfterCommitRate: 1, dropMode: 'reset' } });
    try {
      const error = await fetch(`${sandbox.url}/v1/customers`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(customerBody('dropped')) }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TypeError);
      expect(sandbox.state.creationsPerDomain.get('dropped.onmicrosoft.com')).toBe(1);
    } finally {
      await sandbox.close();
    }
  });

  it('should commit a write and lose its answer as asked (504 or reset, option or /_sandbox/lose-answers), replaying it afterwards', async () => {
    const sandbox = await startSandbox({ testToken: TOKEN, loseAnswers: { next: { customer: 1 }, mode: '504' } });
    const create = (prefix: string, requestId: string) =>
      fetch(`${sandbox.url}/v1/customers`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json', 'MS-RequestId': requestId }, body: JSON.stringify(customerBody(prefix)) });
    try {
      const lost = await create('lose1', '00000000-0000-4000-8000-000000000001');
      expect(lost.status).toBe(504);
      expect(await lost.json()).toMatchObject({ code: 'GatewayTimeout', source: 'PartnerFD' });
      // It was committed: the replay of the same request id gets the first answer, once lost.
      const replayed = await create('lose1', '00000000-0000-4000-8000-000000000001');
      expect(replayed.status).toBe(201);
      expect((await (await fetch(`${sandbox.url}/_sandbox/stats`)).json()).creationsPerDomain).toEqual({ 'lose1.onmicrosoft.com': 1 });

      const refused = await fetch(`${sandbox.url}/_sandbox/lose-answers`, { method: 'POST', body: JSON.stringify({ customer: -1, mode: 'sometimes' }) });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ code: 'BadInput', description: expect.stringMatching(/customer.*mode|mode.*customer/) });
      const set = await fetch(`${sandbox.url}/_sandbox/lose-answers`, { method: 'POST', body: JSON.stringify({ customer: 1, mode: 'reset' }) });
      expect(await set.json()).toEqual({ customer: 1, agreement: 0, cart: 0, checkout: 0, order: 0, mode: 'reset' });
      await expect(create('lose2', '00000000-0000-4000-8000-000000000002')).rejects.toThrow();
      expect((await (await fetch(`${sandbox.url}/_sandbox/stats`)).json()).creationsPerDomain).toEqual({ 'lose1.onmicrosoft.com': 1, 'lose2.onmicrosoft.com': 1 });
      expect(await (await fetch(`${sandbox.url}/_sandbox/lose-answers`)).json()).toMatchObject({ customer: 0 });
      // Counted down: the next write is answered.
      expect((await create('lose3', '00000000-0000-4000-8000-000000000003')).status).toBe(201);
    } finally {
      await sandbox.close();
    }
  });

  it('should read its options from the environment and name a bad variable', () => {
    expect(sandboxOptionsFromEnv({ SANDBOX_DROP_ANSWERS: 'agreement, checkout=2', SANDBOX_DROP_ANSWERS_MODE: '504' })).toMatchObject({
      loseAnswers: { next: { customer: 0, agreement: 1, cart: 0, checkout: 2, order: 0 }, mode: '504' },
    });
    expect(() => sandboxOptionsFromEnv({ SANDBOX_DROP_ANSWERS: 'subscription' })).toThrow(/SANDBOX_DROP_ANSWERS takes customer, agreement, cart, checkout, order/);
    expect(() => sandboxOptionsFromEnv({ SANDBOX_DROP_ANSWERS_MODE: 'error' })).toThrow(/SANDBOX_DROP_ANSWERS_MODE must be reset or 504/);
    expect(sandboxOptionsFromEnv({ SANDBOX_PORT: '9001', SANDBOX_LATENCY_MS: '20', SANDBOX_JITTER_MS: '5', SANDBOX_ERROR_RATE: '0.1', SANDBOX_DROP_RATE: '0.2', SANDBOX_DROP_MODE: 'reset', SANDBOX_RATE_CAPACITY: '50', SANDBOX_RATE_PER_SECOND: '2', SANDBOX_TEST_TOKEN: 'tok', SANDBOX_SEED: '7' })).toEqual({
      port: 9001,
      faults: { latencyMs: 20, jitterMs: 5, errorRate: 0.1, dropAfterCommitRate: 0.2, dropMode: 'reset' },
      rateLimit: { capacity: 50, refillPerSecond: 2 },
      testToken: 'tok',
      seed: 7,
    });
    expect(sandboxOptionsFromEnv({})).toEqual({ port: 8090, faults: {}, rateLimit: {} });
    expect(() => sandboxOptionsFromEnv({ SANDBOX_ERROR_RATE: '5' })).toThrow(/SANDBOX_ERROR_RATE must be a number between 0 and 1/);
    expect(() => sandboxOptionsFromEnv({ SANDBOX_DROP_MODE: 'sometimes' })).toThrow(/SANDBOX_DROP_MODE/);
    expect(sandboxOptionsFromEnv({ SANDBOX_CLOUD: 'USGov' })).toMatchObject({ cloud: 'usgov' });
    expect(sandboxOptionsFromEnv({ SANDBOX_CLOUD: 'china' })).toMatchObject({ cloud: 'china' });
    expect(() => sandboxOptionsFromEnv({ SANDBOX_CLOUD: 'germany' })).toThrow(/SANDBOX_CLOUD must be global, usgov or china/);
  });
});

describe('createTokenBucket', () => {
  it('should grant up to capacity, then report the wait until the next token', () => {
    const bucket = createTokenBucket({ capacity: 2, refillPerSecond: 0.5 });
    const now = Date.now();
    expect(bucket.take(now)).toBe(0);
    expect(bucket.take(now)).toBe(0);
    expect(bucket.take(now)).toBeCloseTo(2000, -1);
    expect(bucket.take(now + 2000)).toBe(0);
  });
});
