import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../worker/api/create-app.ts';
import { buildCustomerCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { startTestPipeline, type TestPipeline } from '../support/worker/start-test-pipeline.ts';

/**
 * Bad input at the worker API, through `app.request()` with the real import service on
 * real Redis: malformed JSON, wrong types, unknown fields, random paths and queries, oversized
 * bodies. Every answer is a 4xx `application/problem+json` with a readable detail; never a 500.
 */
const TOKEN = 'fuzz-token-0123456789abcdef';
const auth = { Authorization: `Bearer ${TOKEN}` };
const MAX_BODY = 64 * 1024;

let pipeline: TestPipeline;
let app: ReturnType<typeof createApp>;
let importId: string;
const unexpected: unknown[] = [];

beforeAll(async () => {
  pipeline = await startTestPipeline({ noWorker: true });
  app = createApp({
    service: pipeline.service,
    apiToken: TOKEN,
    extensionOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
    maxBodyBytes: MAX_BODY,
    checkHealth: async () => ({ redis: 'up', partnerCenter: 'sandbox' }),
    reportError: (error) => unexpected.push(error),
  });
  importId = (await pipeline.importCsv(buildCustomerCsv([validRow('fuzzapi1'), validRow('fuzzapi2')]), { dryRun: true })).id;
}, 30_000);

afterAll(async () => {
  await pipeline?.close();
});

async function expectClientProblem(response: Response, context: string): Promise<void> {
  const text = await response.text();
  expect(response.status, `${context} → ${response.status} ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${context} → ${response.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(response.headers.get('content-type'), context).toBe('application/problem+json');
  const body = JSON.parse(text) as { status: number; title: string; detail: string; type: string };
  expect(body.status).toBe(response.status);
  expect(body.type).toMatch(/^urn:pc-onboard:problem:/);
  expect(body.detail.length, context).toBeGreaterThan(10);
}

const postJson = (body: string, contentType = 'application/json') =>
  app.request('/imports', { method: 'POST', headers: { ...auth, 'Content-Type': contentType }, body });

describe('worker API under bad input', () => {
  it('should answer malformed JSON with 400 problem+json', async () => {
    const notJson = fc.string({ maxLength: 200 }).filter((text) => {
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    });
    await fc.assert(
      fc.asyncProperty(notJson, async (text) => {
        const response = await postJson(text);
        await expectClientProblem(response, `body ${JSON.stringify(text)}`);
        expect(response.status).toBe(400);
      }),
      { numRuns: 300 },
    );
  });

  it('should answer any JSON value of the wrong shape with a 4xx problem, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        await expectClientProblem(await postJson(JSON.stringify(value)), `body ${JSON.stringify(value).slice(0, 200)}`);
      }),
      { numRuns: 400 },
    );
  });

  it('should refuse wrong types and unknown fields in an otherwise valid import', async () => {
    const valid = {
      fileName: 'customers.csv',
      columns: ['company_name', 'domain', 'country', 'address_line1', 'city', 'contact_first_name', 'contact_last_name', 'contact_email'],
      rows: [{ row: 1, line: 2, cells: ['Contoso', 'contoso', 'US', '1 Way', 'Redmond', 'Ana', 'Diaz', 'ana@x.example'] }],
      dryRun: true,
      cloud: 'global',
    };
    const field = fc.constantFrom('fileName', 'columns', 'rows', 'dryRun', 'cloud', 'keys');
    const wrongValue = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));
    const mutation = fc.oneof(
      fc.tuple(field, wrongValue).map(([name, value]) => ({ ...valid, [name]: value })),
      fc.string({ minLength: 1, maxLength: 20 }).filter((name) => !(name in valid) && name !== 'keys' && name !== '__proto__').map((name) => ({ ...valid, [name]: 1 })),
      wrongValue.map((value) => ({ ...valid, rows: [{ ...valid.rows[0], row: value }] })),
      wrongValue.map((value) => ({ ...valid, rows: [{ ...valid.rows[0], cells: value }] })),
      fc.string({ minLength: 1, maxLength: 10 }).map((name) => ({ ...valid, rows: [{ ...valid.rows[0], [name === 'row' || name === 'line' || name === 'cells' ? 'extra' : name]: true }] })),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (body) => {
        const response = await postJson(JSON.stringify(body));
        // A mutation may happen to be valid (e.g. dryRun: true again, or keys: null-free): then 201.
        if (response.status === 201) return;
        await expectClientProblem(response, `body ${JSON.stringify(body).slice(0, 300)}`);
      }),
      { numRuns: 400 },
    );
    // The valid body itself passes, so the refusals above are about the mutations.
    expect((await postJson(JSON.stringify(valid))).status).toBe(201);
  });

  it('should re-validate any cells sent as JSON rows: 201 with every row counted, or a 4xx problem', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('US', 'JP', 'contoso', 'ana@x.example', '=cmd', '', '\u3000'));
    const header = fc.oneof(
      fc.constant(['company_name', 'domain', 'country', 'address_line1', 'city', 'state', 'postal_code', 'contact_first_name', 'contact_last_name', 'contact_email']),
      fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('company_name', 'domain', 'Country', '会社名')), { minLength: 1, maxLength: 12 }),
    );
    const body = header.chain((columns) =>
      fc.record({
        columns: fc.constant(columns),
        rows: fc.array(fc.array(cell, { maxLength: columns.length + 2 }), { maxLength: 5 }),
        dryRun: fc.boolean(),
      }),
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(body, async ({ columns, rows, dryRun }) => {
        const payload = { fileName: 'fuzz.csv', columns, rows: rows.map((cells, index) => ({ row: index + 1, line: index + 2, cells })), dryRun, cloud: 'global' };
        const response = await postJson(JSON.stringify(payload));
        if (response.status === 201) {
          accepted++;
          const summary = (await response.json()) as { total: number; blankLines: number };
          expect(summary.total + summary.blankLines).toBe(rows.length);
          return;
        }
        await expectClientProblem(response, `rows ${JSON.stringify(payload).slice(0, 300)}`);
      }),
      { numRuns: 200 },
    );
    // The valid header is drawn often enough that imports are really created, not only refused.
    expect(accepted).toBeGreaterThan(20);
  });

  it('should answer random paths, ids, row numbers and queries with 4xx or a real answer, never 500', async () => {
    const segment = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('..', '%00', '%2F', 'ｉｄ', '-1', '0', '1e9', '9007199254740993', importId));
    const query = fc.dictionary(fc.constantFrom('limit', 'cursor', 'status', 'lang', 'x', ''), fc.string({ maxLength: 12 }), { maxKeys: 3 });
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'),
      path: fc.oneof(
        fc.tuple(segment).map(([id]) => `/imports/${encodeURIComponent(id)}`),
        fc.tuple(segment).map(([id]) => `/imports/${encodeURIComponent(id)}/rows`),
        fc.tuple(segment, segment).map(([id, row]) => `/imports/${encodeURIComponent(id)}/rows/${encodeURIComponent(row)}/reveal`),
        fc.tuple(segment).map(([id]) => `/imports/${encodeURIComponent(id)}/results.csv`),
        fc.tuple(segment, segment).map(([a, b]) => `/${encodeURIComponent(a)}/${encodeURIComponent(b)}`),
      ),
      query,
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, query: params }) => {
        const search = new URLSearchParams(params).toString();
        const url = search ? `${path}?${search}` : path;
        const response = await app.request(url, { method, headers: auth });
        if (response.status < 400) {
          await response.body?.cancel();
          return;
        }
        await expectClientProblem(response, `${method} ${url}`);
      }),
      { numRuns: 600 },
    );
  });

  it('should answer an oversized body with 413 problem+json, JSON or multipart', async () => {
    const big = 'x'.repeat(MAX_BODY + 1);
    await expectClientProblem(await postJson(JSON.stringify({ fileName: big })), 'oversized JSON');
    expect((await postJson(JSON.stringify({ fileName: big }))).status).toBe(413);
    const form = new FormData();
    form.set('file', new File([big], 'big.csv', { type: 'text/csv' }));
    const response = await app.request('/imports', { method: 'POST', headers: auth, body: form });
    expect(response.status).toBe(413);
    await expectClientProblem(response, 'oversized multipart');
  });

  it('should have reported no unexpected (500) error during all of the above', () => {
    expect(unexpected).toEqual([]);
  });
});
