import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../worker/api/create-app.ts';
import { buildCustomerCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { startTestPipeline, type TestPipeline } from '../support/worker/start-test-pipeline.ts';

/**
 * Bad input at the worker API, through `app.request()` with the real import service on
 * real Redis: bodies that are no upload, wrong field values, unknown fields, random files,
 * random paths and queries, oversized bodies. Every answer is a 4xx `application/problem+json` with a readable detail; never a 500.
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

const postBody = (body: string, contentType: string) =>
  app.request('/imports', { method: 'POST', headers: { ...auth, 'Content-Type': contentType }, body });

/** A multipart upload of `text` as the file, with these text fields. */
function upload(text: string, fields: Record<string, string> = {}) {
  const body = new FormData();
  body.set('file', new File([text], 'fuzz.csv', { type: 'text/csv' }));
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return app.request('/imports', { method: 'POST', headers: auth, body });
}

/** One CSV record with every cell quoted, so any cell text stays one cell. */
const csvLine = (cells: readonly string[]) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',');

const VALID_CSV = buildCustomerCsv([validRow('fuzzapi3')]);

describe('worker API under bad input', () => {
  it('should answer any body that is not a multipart upload (JSON or not) with 415 problem+json', async () => {
    const contentType = fc.constantFrom('application/json', 'text/csv', 'text/plain', 'application/x-www-form-urlencoded', '');
    const body = fc.oneof(fc.string({ maxLength: 200 }), fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)));
    await fc.assert(
      fc.asyncProperty(body, contentType, async (text, type) => {
        const response = await postBody(text, type);
        await expectClientProblem(response, `${type}: ${text.slice(0, 200)}`);
        expect(response.status).toBe(415);
      }),
      { numRuns: 400 },
    );
  });

  it('should refuse wrong values and unknown fields beside a valid file, never 500', async () => {
    const valid = { dryRun: 'true', cloud: 'global' };
    const field = fc.constantFrom('dryRun', 'cloud', 'encoding', 'keys');
    const wrongValue = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('null', '[]', '[null]', '["company_name"]', '{"a":1}', 'utf-32', 'shift_jis', 'ebcdic', '1', 'mars'),
      fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value) ?? ''),
    );
    const mutation = fc.oneof(
      fc.tuple(field, wrongValue).map(([name, value]) => ({ ...valid, [name]: value })),
      fc.string({ minLength: 1, maxLength: 20 }).filter((name) => !['dryRun', 'cloud', 'encoding', 'keys', 'file'].includes(name)).map((name) => ({ ...valid, [name]: '1' })),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (fields) => {
        const response = await upload(VALID_CSV, fields);
        // A mutation may happen to be valid (e.g. dryRun "1", or encoding shift_jis): then 201.
        if (response.status === 201) return;
        await expectClientProblem(response, `fields ${JSON.stringify(fields).slice(0, 300)}`);
      }),
      { numRuns: 400 },
    );
    // The valid upload itself passes, so the refusals above are about the mutations.
    expect((await upload(VALID_CSV, valid)).status).toBe(201);
  });

  it('should read any uploaded header and cells: 201 with every line counted, or a 4xx problem', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('US', 'JP', 'contoso', 'ana@x.example', '=cmd', '', '\u3000'));
    // Header cells without another delimiter or a quote, so the comma is the one detected.
    const headerCell = fc.oneof(fc.string({ maxLength: 12 }).filter((text) => !/[;\t"]/.test(text)), fc.constantFrom('company_name', 'domain', 'Country', '会社名'));
    const header = fc.oneof(
      fc.constant(['company_name', 'domain', 'country', 'address_line1', 'city', 'state', 'postal_code', 'contact_first_name', 'contact_last_name', 'contact_email']),
      fc.array(headerCell, { minLength: 1, maxLength: 12 }).filter((columns) => columns.some((column) => /\w/.test(column))),
    );
    const file = header.chain((columns) =>
      fc.record({
        columns: fc.constant(columns),
        rows: fc.array(fc.array(cell, { minLength: 1, maxLength: columns.length + 2 }), { maxLength: 5 }),
        dryRun: fc.boolean(),
      }),
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ columns, rows, dryRun }) => {
        const text = [columns, ...rows].map(csvLine).join('\r\n');
        const response = await upload(text, { dryRun: String(dryRun) });
        if (response.status === 201) {
          accepted++;
          const summary = (await response.json()) as { total: number; blankLines: number };
          expect(summary.total + summary.blankLines).toBe(rows.length);
          return;
        }
        await expectClientProblem(response, `file ${JSON.stringify(text).slice(0, 300)}`);
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
    const json = await postBody(JSON.stringify({ fileName: big }), 'application/json');
    expect(json.status).toBe(413);
    await expectClientProblem(json, 'oversized JSON');
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
