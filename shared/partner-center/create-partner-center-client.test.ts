import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerCenterClient } from './create-partner-center-client.ts';
import { isPartnerCenterError } from './partner-center-error.ts';
import { sampleCustomerRequest, startSandboxClient, TEST_TOKEN, type SandboxClient } from '../../test/support/partner-center/start-sandbox-client.ts';

let env: SandboxClient;
beforeAll(async () => {
  env = await startSandboxClient();
});
afterAll(() => env.close());

const US_ADDRESS = { addressLine1: '1 Main St', city: 'Redmond', state: 'WA', postalCode: '98052', country: 'US' };

describe('createPartnerCenterClient against the sandbox', () => {
  it('should send the contract headers with the caller ids and locale', async () => {
    const requestId = randomUUID();
    const correlationId = randomUUID();
    await env.client.checkDomainAvailability('contoso', { requestId, correlationId, locale: 'ja-JP' });
    const last = env.sent.at(-1)!;
    expect(last.method).toBe('HEAD');
    expect(last.url).toBe(`${env.sandbox.url}/v1/domains/contoso.onmicrosoft.com`);
    expect(last.headers).toMatchObject({
      authorization: `Bearer ${TEST_TOKEN}`,
      accept: 'application/json',
      'ms-contract-version': 'v1',
      'ms-requestid': requestId,
      'ms-correlationid': correlationId,
      'x-locale': 'ja-JP',
    });
  });

  it('should generate request and correlation ids and default the locale when the caller gives none', async () => {
    await env.client.getRelationshipRequestUrl();
    const last = env.sent.at(-1)!;
    expect(last.headers['ms-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(last.headers['ms-correlationid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(last.headers['x-locale']).toBe('en-US');
  });

  it('should report a taken domain as unavailable and a free one as available', async () => {
    await expect(env.client.checkDomainAvailability('taken.onmicrosoft.com')).resolves.toEqual({ domain: 'taken.onmicrosoft.com', available: false });
    await expect(env.client.checkDomainAvailability('TAKEN')).resolves.toEqual({ domain: 'taken.onmicrosoft.com', available: false });
    await expect(env.client.checkDomainAvailability('nobodyhasthis1')).resolves.toEqual({ domain: 'nobodyhasthis1.onmicrosoft.com', available: true });
  });

  it.each([
    ['a verified address', US_ADDRESS, 'VerifiedShippable', 1],
    ['"nowhere" in line 1', { ...US_ADDRESS, addressLine1: '1 Nowhere Road' }, 'None', 0],
    ['"partial" in line 1', { ...US_ADDRESS, addressLine1: '5 Partial Street' }, 'StreetPartial', 1],
    ['a country outside the verified list', { addressLine1: '1 Rua A', city: 'São Paulo', state: 'SP', postalCode: '01000-000', country: 'BR' }, 'NotValidated', 0],
    ['a US ZIP of another state', { ...US_ADDRESS, postalCode: '10001' }, 'StreetPartial', 1],
  ])('should validate %s as %s', async (_name, address, status, suggestions) => {
    const result = await env.client.validateAddress(address);
    expect(result.status).toBe(status);
    expect(result.suggestedAddresses).toHaveLength(suggestions);
  });

  it('should suggest the state the ZIP belongs to', async () => {
    const result = await env.client.validateAddress({ ...US_ADDRESS, postalCode: '10001' });
    expect(result.suggestedAddresses[0]?.state).toBe('NY');
  });

  it('should create a customer with admin@<domain> and a 16-character password', async () => {
    const request = sampleCustomerRequest();
    const customer = await env.client.createCustomer(request);
    expect(customer.domain).toBe(request.companyProfile.domain);
    expect(customer.adminUserName).toBe(`admin@${request.companyProfile.domain}`);
    expect(customer.adminPassword).toHaveLength(16);
    expect(customer.id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(env.client.checkDomainAvailability(request.companyProfile.domain)).resolves.toMatchObject({ available: false });
  });

  it('should create an indirect reseller customer with the associated partner id', async () => {
    const partnerId = randomUUID();
    const customer = await env.client.createCustomer(sampleCustomerRequest({ associatedPartnerId: partnerId }));
    const stats = (await (await fetch(`${env.sandbox.url}/_sandbox/stats`)).json()) as { customers: { id: string; associatedPartnerId?: string }[] };
    expect(stats.customers.find((item) => item.id === customer.id)?.associatedPartnerId).toBe(partnerId);
  });

  it('should confirm the MCA, then report a repeat as already confirmed (600061)', async () => {
    const customer = await env.client.createCustomer(sampleCustomerRequest());
    const input = { contact: { firstName: 'Ana', lastName: 'Diaz', email: 'ana@contoso.example' }, dateAgreed: '2024-05-01' };
    const first = await env.client.confirmCustomerAgreement(customer.id, input);
    expect(first).toEqual({ alreadyConfirmed: false, templateId: '117a77b0-9360-443b-8795-c6dedc750cf9', dateAgreed: '2024-05-01T00:00:00.000Z' });
    await expect(env.client.confirmCustomerAgreement(customer.id, input)).resolves.toMatchObject({ alreadyConfirmed: true });
  });

  it('should send a future agreement date as now rather than be refused with 600002', async () => {
    const customer = await env.client.createCustomer(sampleCustomerRequest());
    const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
    const result = await env.client.confirmCustomerAgreement(customer.id, { contact: { firstName: 'A', lastName: 'B', email: 'a@b.example' }, dateAgreed: tomorrow });
    expect(result.alreadyConfirmed).toBe(false);
    expect(Date.parse(result.dateAgreed!)).toBeLessThanOrEqual(Date.now());
  });

  it('should return the MCA template id', async () => {
    await expect(env.client.getAgreementTemplateId()).resolves.toBe('117a77b0-9360-443b-8795-c6dedc750cf9');
  });

  it('should list exactly the catalog of the contract with its terms', async () => {
    const catalog = await env.client.listCatalog('US');
    expect(catalog).toHaveLength(12);
    const byId = new Map(catalog.map((item) => [item.id, item]));
    expect(byId.get('CFQ7TTC0LH18:0001:CFQ7TTC0K5BF')).toEqual({ id: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', name: 'Microsoft 365 Business Basic', kind: 'new-commerce', terms: ['P1M', 'P1Y', 'P3Y'], billingCycles: ['monthly', 'annual'] });
    expect(byId.get('CFQ7TTC0LCHC:0001:CFQ7TTC0K5CQ')?.name).toBe('Microsoft Defender for Business');
    expect(byId.get('DZH318Z0BQ3Q:0001:DZH318Z0BQ3R')).toMatchObject({ kind: 'azure-plan', terms: [], billingCycles: ['monthly'] });
    expect(byId.get('3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14')).toMatchObject({ kind: 'legacy', terms: [] });
  });

  it('should look up one catalog item or legacy offer, case-insensitively, and miss unknown ids', async () => {
    await expect(env.client.getCatalogItem('cfq7ttc0lfLZ:0002:cfq7ttc0k5f5', 'jp')).resolves.toMatchObject({ id: 'CFQ7TTC0LFLZ:0002:CFQ7TTC0K5F5', name: 'Microsoft 365 E5' });
    await expect(env.client.getCatalogItem('3c4a1e0b-7d2f-4e8a-9b61-0f5d2c8a7e14', 'US')).resolves.toMatchObject({ kind: 'legacy' });
    await expect(env.client.getCatalogItem('CFQ7TTC0LH18:0001:XXXXXXXXXXXX', 'US')).resolves.toBeUndefined();
    await expect(env.client.getCatalogItem('00000000-0000-0000-0000-000000000000', 'US')).resolves.toBeUndefined();
  });

  it('should buy new-commerce items through a cart and checkout, one order per billing cycle', async () => {
    const customer = await env.client.createCustomer(sampleCustomerRequest());
    const cart = await env.client.createCart(customer.id, [
      { id: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 5, term: 'P1Y', billingCycle: 'annual' },
      { id: 'DZH318Z0BQ3Q:0001:DZH318Z0BQ3R', quantity: 1 },
    ]);
    expect(cart.status).toBe('Active');
    expect(cart.lineItems).toEqual([
      { id: 0, catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 5, billingCycle: 'annual', termDuration: 'P1Y' },
      { id: 1, catalogItemId: 'DZH318Z0BQ3Q:0001:DZH318Z0BQ3R', quantity: 1, billingCycle: 'monthly' },
    ]);
    const orders = await env.client.checkoutCart(customer.id, cart.id);
    expect(orders.map((order) => order.billingCycle).sort()).toEqual(['annual', 'monthly']);
    expect(orders.flatMap((order) => order.lineItems.map((line) => line.offerId)).sort()).toEqual(['CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', 'DZH318Z0BQ3Q:0001:DZH318Z0BQ3R']);
  });

  it('should place a legacy order', async () => {
    const customer = await env.client.createCustomer(sampleCustomerRequest());
    const order = await env.client.createOrder(customer.id, [{ id: '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14', quantity: 3 }]);
    expect(order.status).toBe('completed');
    expect(order.lineItems).toEqual([expect.objectContaining({ offerId: '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14', quantity: 3 })]);
  });

  it('should return the reseller relationship link', async () => {
    const url = await env.client.getRelationshipRequestUrl();
    expect(url).toMatch(/^https:\/\/admin\.microsoft\.com\/Adminportal\/Home\?invType=ResellerRelationship&partnerId=[0-9a-f-]{36}/);
  });

  it('should refuse MCA attestation outside the global cloud without calling Partner Center', async () => {
    const china = createPartnerCenterClient({ cloud: 'china', baseUrl: env.sandbox.url, getAccessToken: async () => TEST_TOKEN });
    const before = env.sent.length;
    const error = await china.confirmCustomerAgreement(randomUUID(), { contact: { firstName: 'A', lastName: 'B', email: 'a@b.example' }, dateAgreed: '2024-01-01' }).catch((caught: unknown) => caught);
    expect(isPartnerCenterError(error) && error.errorCode).toBe('mca_not_supported');
    expect(env.sent.length).toBe(before);
  });

  it('should give a bare domain prefix the 21Vianet suffix on the china cloud', async () => {
    const china = createPartnerCenterClient({ cloud: 'china', baseUrl: env.sandbox.url, getAccessToken: async () => TEST_TOKEN });
    await expect(china.checkDomainAvailability('fabrikam')).resolves.toEqual({ domain: 'fabrikam.partner.onmschina.cn', available: true });
  });
});
