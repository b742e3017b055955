import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPartnerCenterClient } from './create-partner-center-client.ts';
import { isPartnerCenterError } from './partner-center-error.ts';
import { sampleCustomerRequest, startSandboxClient } from '../../test/support/partner-center/start-sandbox-client.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('client.listCustomers (§11)', () => {
  it('should follow the continuation tokens of the sandbox until every customer was listed once', async () => {
    const env = await startSandboxClient();
    cleanups.push(env.close);
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const request = sampleCustomerRequest();
      request.billingProfile.companyName = i % 2 === 0 ? `Even ${i}` : `Odd ${i}`;
      created.push((await env.client.createCustomer(request)).id);
    }
    const before = env.sent.length;
    const listed = await env.client.listCustomers({ pageSize: 2 });
    expect(listed.map((customer) => customer.id)).toEqual(created);
    expect(listed[0]).toMatchObject({ domain: expect.stringMatching(/\.onmicrosoft\.com$/), companyName: 'Even 0', relationshipToPartner: 'reseller' });
    const pages = env.sent.slice(before);
    expect(pages.map((call) => new URL(call.url).search)).toEqual(['?size=2', '?size=2&seekOperation=Next', '?size=2&seekOperation=Next']);
    expect(pages[0]!.headers['ms-continuationtoken']).toBeUndefined();
    expect(pages[1]!.headers['ms-continuationtoken']).toEqual(expect.any(String));
    expect(new Set(pages.map((call) => call.headers['ms-requestid'])).size).toBe(3);
    const odd = await env.client.listCustomers({ pageSize: 1, filter: { field: 'CompanyName', value: 'odd' } });
    expect(odd.map((customer) => customer.companyName)).toEqual(['Odd 1', 'Odd 3']);
  });

  it('should stop with response_invalid when a service repeats the same continuation token', async () => {
    const page = { items: [{ id: 'c1', companyProfile: { domain: 'a.onmicrosoft.com' } }], continuationToken: 'same' };
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(page));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const client = createPartnerCenterClient({ cloud: 'global', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, getAccessToken: async () => 't' });
    const error = await client.listCustomers().catch((caught: unknown) => caught);
    expect(isPartnerCenterError(error) && error.errorCode).toBe('response_invalid');
  });
});
