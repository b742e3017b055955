import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createPartnerCenterClient } from './create-partner-center-client.ts';
import { isPartnerCenterError, type PartnerCenterError } from './partner-center-error.ts';
import { isThrottledError } from './throttled-error.ts';
import { isPartnerCenterTimeoutError } from './partner-center-timeout-error.ts';
import { isResponseValidationError } from './response-validation-error.ts';
import { sampleCustomerRequest, startSandboxClient, TEST_TOKEN, type SandboxClient } from '../../test/support/partner-center/start-sandbox-client.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function sandboxClient(...args: Parameters<typeof startSandboxClient>): Promise<SandboxClient> {
  const env = await startSandboxClient(...args);
  cleanups.push(env.close);
  return env;
}

async function failure(promise: Promise<unknown>): Promise<PartnerCenterError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isPartnerCenterError(error)) throw new Error(`expected a PartnerCenterError, got ${String(error)}`);
  return error;
}

/** A tiny server that answers every request with the given status, headers and body. */
async function startFixedServer(status: number, body: string, headers: Record<string, string> = {}): Promise<string> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('Partner Center error mapping', () => {
  it('should map 409 DomainAlreadyExists to domain_taken, not retryable', async () => {
    const { client } = await sandboxClient();
    const request = sampleCustomerRequest();
    await client.createCustomer(request);
    const error = await failure(client.createCustomer(request));
    expect(error).toMatchObject({ errorCode: 'domain_taken', status: 409, pcCode: 'DomainAlreadyExists', retryable: false, method: 'POST' });
    expect(error.message).toContain(`POST ${error.url}`);
    expect(error.message).toContain('409');
  });

  it('should map 401 to unauthorized when the token is not accepted', async () => {
    const { client } = await sandboxClient({}, { getAccessToken: async () => 'not-a-sandbox-token' });
    const error = await failure(client.getRelationshipRequestUrl());
    expect(error).toMatchObject({ errorCode: 'unauthorized', status: 401, pcCode: 400, retryable: false });
  });

  it('should map a failing token provider to unauthorized', async () => {
    const { client } = await sandboxClient({}, { getAccessToken: async () => { throw new Error('AADSTS700016: application not found'); } });
    const error = await failure(client.getRelationshipRequestUrl());
    expect(error.errorCode).toBe('unauthorized');
    expect(error.message).toContain('AADSTS700016');
  });

  it('should map 403 to forbidden (MCA with an app-only token)', async () => {
    const env = await sandboxClient();
    const { access_token: appOnly } = (await (await fetch(`${env.sandbox.url}/_sandbox/tokens`, { method: 'POST', body: JSON.stringify({ kind: 'app-only' }) })).json()) as { access_token: string };
    const customer = await env.client.createCustomer(sampleCustomerRequest());
    const appOnlyClient = createPartnerCenterClient({ cloud: 'global', baseUrl: env.sandbox.url, getAccessToken: async () => appOnly });
    const error = await failure(appOnlyClient.confirmCustomerAgreement(customer.id, { contact: { firstName: 'A', lastName: 'B', email: 'a@b.example' }, dateAgreed: '2024-01-01' }));
    expect(error).toMatchObject({ errorCode: 'forbidden', status: 403, pcCode: 600006, retryable: false });
  });

  it('should map 429 to a retryable ThrottledError carrying Retry-After', async () => {
    const { client } = await sandboxClient({ rateLimit: { capacity: 2, refillPerSecond: 0.25 } });
    await client.checkDomainAvailability('a1');
    await client.checkDomainAvailability('a2');
    const error = await failure(client.checkDomainAvailability('a3'));
    expect(isThrottledError(error)).toBe(true);
    expect(error).toMatchObject({ errorCode: 'rate_limited', status: 429, retryable: true });
    // One token at 0.25/s: 4 s away, sent as whole seconds.
    expect(isThrottledError(error) && error.retryAfterMs).toBe(4000);
  });

  it('should succeed again once the Retry-After delay has passed', async () => {
    const { client } = await sandboxClient({ rateLimit: { capacity: 1, refillPerSecond: 2 } });
    await client.checkDomainAvailability('b1');
    const error = await failure(client.checkDomainAvailability('b2'));
    if (!isThrottledError(error)) throw error;
    // The scenario is time passing: exactly the Retry-After the sandbox asked for.
    await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs));
    await expect(client.checkDomainAvailability('b2')).resolves.toMatchObject({ available: true });
  });

  it('should read Retry-After given as an HTTP date, and fall back to the body sentence', async () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const dated = createPartnerCenterClient({ cloud: 'global', baseUrl: await startFixedServer(429, '{}', { 'Retry-After': inTenSeconds }), getAccessToken: async () => 't' });
    const first = await failure(dated.getRelationshipRequestUrl());
    expect(isThrottledError(first) && first.retryAfterMs).toBeGreaterThan(8000);
    expect(isThrottledError(first) && first.retryAfterMs).toBeLessThanOrEqual(10_000);
    const sentence = createPartnerCenterClient({ cloud: 'global', baseUrl: await startFixedServer(429, '{"statusCode":429,"message":"Rate limit is exceeded. Try again in 57 seconds."}'), getAccessToken: async () => 't' });
    const second = await failure(sentence.getRelationshipRequestUrl());
    expect(isThrottledError(second) && second.retryAfterMs).toBe(57_000);
  });

  it('should map an injected 5xx to a retryable upstream_error', async () => {
    const { client } = await sandboxClient({ faults: { errorRate: 1 } });
    const error = await failure(client.createCustomer(sampleCustomerRequest()));
    expect(error).toMatchObject({ errorCode: 'upstream_error', status: 503, retryable: true, pcCode: 'ServiceUnavailable' });
  });

  it('should time out with a retryable PartnerCenterTimeoutError', async () => {
    const { client } = await sandboxClient({ faults: { latencyMs: 1000 } }, { timeoutMs: 100 });
    const started = Date.now();
    const error = await failure(client.getRelationshipRequestUrl());
    expect(isPartnerCenterTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ errorCode: 'timeout', retryable: true });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("should rethrow the caller's abort, not a Partner Center failure", async () => {
    const { client } = await sandboxClient({ faults: { latencyMs: 1000 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('import cancelled')), 50);
    const error = await client.getRelationshipRequestUrl({ signal: controller.signal }).catch((caught: unknown) => caught);
    expect(isPartnerCenterError(error)).toBe(false);
    expect((error as Error).message).toBe('import cancelled');
  });

  it('should map a refused connection to a retryable upstream_error', async () => {
    const env = await startSandboxClient();
    const url = env.sandbox.url;
    await env.close();
    const client = createPartnerCenterClient({ cloud: 'global', baseUrl: url, getAccessToken: async () => TEST_TOKEN });
    const error = await failure(client.getRelationshipRequestUrl());
    expect(error).toMatchObject({ errorCode: 'upstream_error', retryable: true, status: undefined });
  });

  it.each([
    ['600049 missing registration number', { country: 'BR' }, undefined, 'required', 'organization_registration_number', 600049],
    ['600050 invalid CNPJ', { country: 'BR' }, '11.222.333/0001-80', 'invalid_registration_number', 'organization_registration_number', 600050],
    ['600051 missing phone', { country: 'PL', state: undefined, postalCode: '00-001', phoneNumber: undefined }, '1234567890', 'required', 'contact_phone', 600051],
  ])('should map %s to a data error naming the column', async (_name, addressChanges, registration, errorCode, field, pcCode) => {
    const { client } = await sandboxClient();
    const request = sampleCustomerRequest();
    const address = { ...request.billingProfile.defaultAddress, ...addressChanges };
    for (const key of Object.keys(address) as (keyof typeof address)[]) if (address[key] === undefined) delete address[key];
    request.billingProfile.defaultAddress = address;
    if (registration) request.companyProfile.organizationRegistrationNumber = registration;
    if (address.country === 'BR') request.billingProfile.defaultAddress.state = 'SP';
    const error = await failure(client.createCustomer(request));
    expect(error).toMatchObject({ errorCode, field, pcCode, status: 400, retryable: false });
  });

  it('should map a refused cart to order_rejected and a refused attestation to agreement_rejected', async () => {
    const { client } = await sandboxClient();
    const customer = await client.createCustomer(sampleCustomerRequest());
    const cartError = await failure(client.createCart(customer.id, [{ id: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 1, term: 'P1M', billingCycle: 'annual' }]));
    expect(cartError).toMatchObject({ errorCode: 'order_rejected', pcCode: 800009, status: 400 });
    const agreementError = await failure(client.confirmCustomerAgreement(customer.id, { contact: { firstName: 'A', lastName: 'B', email: 'a@b.example' }, dateAgreed: '2024-01-01', templateId: randomUUID() }));
    expect(agreementError).toMatchObject({ errorCode: 'agreement_rejected', status: 400 });
  });

  it('should map a reused MS-RequestId with another body to request_rejected', async () => {
    const { client } = await sandboxClient();
    const requestId = randomUUID();
    await client.createCustomer(sampleCustomerRequest(), { requestId });
    const error = await failure(client.createCustomer(sampleCustomerRequest(), { requestId }));
    expect(error).toMatchObject({ errorCode: 'request_rejected', status: 409, pcCode: 'IdempotencyKeyReused', retryable: false });
  });

  it("should read the newer error shape of the agreement docs (§7)", async () => {
    const body = JSON.stringify({ code: 600061, message: 'A partner confirmed agreement already exists for the customer.', errorName: 'PartnerConfirmedAgreementAlreadyExists', isRetryable: false, parameters: {}, errorMessageExtended: 'InternalErrorCode=600061' });
    const client = createPartnerCenterClient({ cloud: 'global', baseUrl: await startFixedServer(400, body), getAccessToken: async () => 't' });
    const result = await client.confirmCustomerAgreement(randomUUID(), { contact: { firstName: 'A', lastName: 'B', email: 'a@b.example' }, dateAgreed: '2024-01-01', templateId: randomUUID() });
    expect(result.alreadyConfirmed).toBe(true);
    const other = createPartnerCenterClient({ cloud: 'global', baseUrl: await startFixedServer(400, JSON.stringify({ code: 1234, message: 'Newer shape', isRetryable: true })), getAccessToken: async () => 't' });
    const error = await failure(other.createOrder(randomUUID(), [{ id: 'X', quantity: 1 }]));
    expect(error).toMatchObject({ errorCode: 'order_rejected', pcCode: 1234, pcMessage: 'Newer shape', retryable: true });
  });

  it('should reject a success body that does not match the contract', async () => {
    const malformed = JSON.stringify({ id: 'abc', companyProfile: { domain: 'x.onmicrosoft.com' }, userCredentials: { userName: 'admin' } });
    const client = createPartnerCenterClient({ cloud: 'global', baseUrl: await startFixedServer(201, malformed), getAccessToken: async () => 't' });
    const error = await failure(client.createCustomer(sampleCustomerRequest()));
    expect(isResponseValidationError(error)).toBe(true);
    expect(error).toMatchObject({ errorCode: 'response_invalid', retryable: false, status: 201 });
    expect(isResponseValidationError(error) && error.issues).toEqual([expect.stringContaining('userCredentials.password')]);
  });

  it('should reject a success body that is not JSON', async () => {
    const client = createPartnerCenterClient({ cloud: 'global', baseUrl: await startFixedServer(200, '<html>oops</html>'), getAccessToken: async () => 't' });
    const error = await failure(client.getRelationshipRequestUrl());
    expect(error.errorCode).toBe('response_invalid');
  });

  it('should accept 200 as well as 201 for a created customer and complete a bare admin user name', async () => {
    const body = JSON.stringify({ id: 'c1', companyProfile: { domain: 'Fabrikam.onmicrosoft.com' }, userCredentials: { userName: 'admin', password: 'p' } });
    const client = createPartnerCenterClient({ cloud: 'global', baseUrl: await startFixedServer(200, body), getAccessToken: async () => 't' });
    await expect(client.createCustomer(sampleCustomerRequest())).resolves.toEqual({ id: 'c1', domain: 'fabrikam.onmicrosoft.com', adminUserName: 'admin@fabrikam.onmicrosoft.com', adminPassword: 'p' });
  });
});
