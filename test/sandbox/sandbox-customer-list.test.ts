import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox.ts';
import { TOKEN, customerBody, errorShape } from './sandbox-test-kit.ts';

interface Link { uri: string; method: string; headers: { key: string; value: string }[] }
interface CustomerPage {
  totalCount: number;
  items: Record<string, any>[];
  links: { self: Link; next?: Link };
  continuationToken?: string;
  attributes: { objectType: string };
}

// Over real HTTP: listing and HEAD are what an acceptance test would call on the running sandbox.
let sandbox: RunningSandbox;
const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
const call = (path: string, init: RequestInit = {}) => fetch(`${sandbox.url}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
const passwords: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ testToken: TOKEN });
  for (let i = 0; i < 5; i++) {
    const name = i < 3 ? `Fabrikam ${i}` : `Northwind ${i}`;
    const response = await call('/v1/customers', { method: 'POST', body: JSON.stringify(customerBody({ domain: `list${i}x.onmicrosoft.com`, companyName: name })) });
    expect(response.status).toBe(201);
    passwords.push(((await response.json()) as { userCredentials: { password: string } }).userCredentials.password);
  }
});
afterAll(() => sandbox.close());

describe('GET /v1/customers (§11)', () => {
  it('should page with size, links.next and MS-ContinuationToken until every customer was listed once, without credentials', async () => {
    const first = await call('/v1/customers?size=2');
    expect(first.status).toBe(200);
    let page = (await first.json()) as CustomerPage;
    expect(page).toMatchObject({ totalCount: 2, links: { self: { uri: '/customers?size=2', method: 'GET', headers: [] } }, attributes: { objectType: 'Collection' } });
    const domains: string[] = [];
    let pages = 1;
    for (;;) {
      domains.push(...page.items.map((item) => item.companyProfile.domain as string));
      for (const item of page.items) {
        expect(item).toMatchObject({ id: item.companyProfile.tenantId, relationshipToPartner: 'reseller', attributes: { objectType: 'Customer' } });
        expect(item).not.toHaveProperty('userCredentials');
      }
      if (!page.links.next) break;
      expect(page.links.next).toMatchObject({ uri: '/customers?size=2&seekOperation=Next', method: 'GET', headers: [{ key: 'MS-ContinuationToken', value: page.continuationToken }] });
      const next = await call(`/v1${page.links.next.uri}`, { headers: Object.fromEntries(page.links.next.headers.map((header) => [header.key, header.value])) });
      expect(next.status).toBe(200);
      page = (await next.json()) as CustomerPage;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(page.continuationToken).toBeUndefined();
    expect(domains).toEqual(['list0x', 'list1x', 'list2x', 'list3x', 'list4x'].map((prefix) => `${prefix}.onmicrosoft.com`));
  });

  it('should list everything in one page without size, and never show a password', async () => {
    const response = await call('/v1/customers');
    const text = await response.text();
    for (const password of passwords) expect(text).not.toContain(password);
    const page = JSON.parse(text) as CustomerPage;
    expect(page.totalCount).toBe(5);
    expect(page.links.next).toBeUndefined();
  });

  it('should filter by company name or domain prefix, case-insensitively, and page within the filter', async () => {
    const filter = encodeURIComponent(JSON.stringify({ Field: 'CompanyName', Value: 'fabrikam', Operator: 'starts_with' }));
    const page = (await (await call(`/v1/customers?size=2&filter=${filter}`)).json()) as CustomerPage;
    expect(page.items.map((item) => item.billingProfile.companyName)).toEqual(['Fabrikam 0', 'Fabrikam 1']);
    const rest = (await (await call('/v1/customers?seekOperation=Next', { headers: { 'MS-ContinuationToken': page.continuationToken! } })).json()) as CustomerPage;
    expect(rest.items.map((item) => item.billingProfile.companyName)).toEqual(['Fabrikam 2']);
    expect(rest.links.next).toBeUndefined();
    const byDomain = encodeURIComponent(JSON.stringify({ Field: 'Domain', Value: 'LIST4', Operator: 'starts_with' }));
    expect(((await (await call(`/v1/customers?filter=${byDomain}`)).json()) as CustomerPage).items.map((item) => item.companyProfile.domain)).toEqual(['list4x.onmicrosoft.com']);
  });

  it.each([
    ['size=0', '/v1/customers?size=0', {}],
    ['a next page without a token', '/v1/customers?seekOperation=Next', {}],
    ['a token it did not issue', '/v1/customers?seekOperation=Next', { 'MS-ContinuationToken': 'bm90IGEgdG9rZW4' }],
    ['an unknown filter field', `/v1/customers?filter=${encodeURIComponent('{"Field":"Email","Value":"a"}')}`, {}],
    ['a filter that is not JSON', '/v1/customers?filter=Domain', {}],
  ])('should refuse %s with 400 and the §10 body', async (_name, path, extra) => {
    const response = await call(path, { headers: extra });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ...errorShape, code: 'BadInput' });
  });
});

describe('HEAD /v1/domains/{domain} (§3)', () => {
  it('should answer 200 with Content-Length 0 for a taken domain and 404 with Content-Length 0 for a free one', async () => {
    for (const [domain, status] of [['taken.onmicrosoft.com', 200], ['LIST0X.onmicrosoft.com', 200], ['freely-free.onmicrosoft.com', 404]] as const) {
      const response = await call(`/v1/domains/${domain}`, { method: 'HEAD' });
      expect(response.status, domain).toBe(status);
      expect(response.headers.get('Content-Length'), domain).toBe('0');
      expect(await response.text()).toBe('');
    }
  });
});
