import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../worker/api/create-app.ts';
import { createTokenMatcher } from '../../worker/api/middleware/token-matcher.ts';
import { startApiServer, type RunningApiServer } from '../../worker/api/start-api-server.ts';
import { buildCustomerCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { startTestPipeline, type TestPipeline } from '../support/worker/start-test-pipeline.ts';

/**
 * The worker API's doors, with the real import service on real Redis: every route
 * refuses a missing or wrong token, the token check is constant-time by construction, other
 * origins get no CORS grant, and an oversized upload is cut off with 413 even when streamed.
 */
const TOKEN = 'security-token-0123456789abcdef';
const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const MAX_BODY = 32 * 1024;
const API_DIR = join(import.meta.dirname, '..', '..', 'worker', 'api');

let pipeline: TestPipeline;
let app: ReturnType<typeof createApp>;
let importId: string;

beforeAll(async () => {
  pipeline = await startTestPipeline({ noWorker: true });
  app = createApp({
    service: pipeline.service,
    apiToken: TOKEN,
    extensionOrigins: [EXTENSION_ORIGIN],
    maxBodyBytes: MAX_BODY,
    checkHealth: async () => ({ redis: 'up', partnerCenter: 'sandbox' }),
    boardQueues: [pipeline.queue],
  });
  importId = (await pipeline.importCsv(buildCustomerCsv([validRow('secauth1')]), { dryRun: true })).id;
}, 30_000);

afterAll(async () => {
  await pipeline?.close();
});

function protectedRoutes(): [string, string][] {
  return [
    ['GET', '/imports'],
    ['POST', '/imports'],
    ['GET', `/imports/${importId}`],
    ['GET', `/imports/${importId}/rows`],
    ['GET', `/imports/${importId}/events`],
    ['GET', `/imports/${importId}/results.csv`],
    ['GET', `/imports/${importId}/failed.csv`],
    ['POST', `/imports/${importId}/retry`],
    ['POST', `/imports/${importId}/cancel`],
    ['POST', `/imports/${importId}/rows/1/reveal`],
    ['GET', '/ui'],
    ['GET', '/ui/api/queues'],
  ];
}

const WRONG_TOKENS = [
  'security-token-0123456789abcdeF', // same length, last character differs
  'security-token-0123456789abcde', // a prefix of the real one
  `${TOKEN}x`, // the real one plus a character
  'x',
  'a'.repeat(4096),
];

describe('authentication', () => {
  it('should answer 401 on every protected route without a token (problem+json with a Bearer challenge on the API)', async () => {
    for (const [method, path] of protectedRoutes()) {
      const response = await app.request(path, { method });
      expect(response.status, `${method} ${path}`).toBe(401);
      // The board (/ui) is a browser page that asks for ?token= instead of a Bearer challenge.
      if (!path.startsWith('/ui')) {
        expect(response.headers.get('www-authenticate') ?? '', `${method} ${path}`).toMatch(/^Bearer/);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
      }
      await response.body?.cancel();
    }
  });

  it('should answer 401 to every wrong token, in the header, the board query or the board cookie', async () => {
    for (const wrong of WRONG_TOKENS) {
      for (const [method, path] of protectedRoutes()) {
        const response = await app.request(path, { method, headers: { Authorization: `Bearer ${wrong}` } });
        expect(response.status, `${method} ${path} with ${wrong.slice(0, 40)}`).toBe(401);
        await response.body?.cancel();
      }
      expect((await app.request(`/ui?token=${encodeURIComponent(wrong)}`)).status).toBe(401);
      expect((await app.request('/ui/api/queues', { headers: { Cookie: `pco_board=${wrong}` } })).status).toBe(401);
    }
    // Other schemes and a token outside the header are not accepted either.
    expect((await app.request('/imports', { headers: { Authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` } })).status).toBe(401);
    expect((await app.request(`/imports?token=${TOKEN}`)).status).toBe(401);
  });

  it('should let the right token through (so the 401s above are about the token)', async () => {
    const response = await app.request(`/imports/${importId}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect((await app.request('/ui/api/queues', { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('should compare tokens in constant time: SHA-256 digests of equal length through timingSafeEqual', () => {
    const source = readFileSync(join(API_DIR, 'middleware', 'token-matcher.ts'), 'utf8');
    expect(source).toMatch(/import \{[^}]*\btimingSafeEqual\b[^}]*\} from 'node:crypto'/);
    expect(source).toMatch(/createHash\('sha256'\)/);
    expect(source).toMatch(/timingSafeEqual\(sha256\(candidate\), expected\)/);
    // Digests always have the same length, so a candidate of any length is compared, never thrown on.
    const matches = createTokenMatcher(TOKEN);
    for (const wrong of WRONG_TOKENS) expect(matches(wrong)).toBe(false);
    expect(matches(TOKEN)).toBe(true);
    expect(matches(undefined)).toBe(false);
  });

  it('should take about as long for a token wrong in its first character as in its last (measured, not asserted)', () => {
    const matches = createTokenMatcher(TOKEN);
    const candidates = { firstWrong: `X${TOKEN.slice(1)}`, lastWrong: `${TOKEN.slice(0, -1)}X`, right: TOKEN };
    const nanosecondsPer = (candidate: string) => {
      const rounds = 20_000;
      const started = process.hrtime.bigint();
      let accepted = 0;
      for (let round = 0; round < rounds; round++) if (matches(candidate)) accepted++;
      return { perCall: Number(process.hrtime.bigint() - started) / rounds, accepted };
    };
    const timings = Object.fromEntries(Object.entries(candidates).map(([name, candidate]) => [name, nanosecondsPer(candidate)]));
    // Timing on a shared machine is noise; the guarantee is the implementation asserted above.
    // The figures are printed for a person to compare.
    console.info(`token check: ${Object.entries(timings).map(([name, timing]) => `${name} ${timing.perCall.toFixed(0)} ns`).join(', ')}`);
    expect(timings.firstWrong!.accepted).toBe(0);
    expect(timings.lastWrong!.accepted).toBe(0);
    expect(timings.right!.accepted).toBe(20_000);
  });

  it('should check the token nowhere else: no API file compares it with === or startsWith', () => {
    const files = readdirSync(API_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(join(API_DIR, file), 'utf8');
      // (Comparing with undefined or null is about presence, not content.)
      expect(source, file).not.toMatch(/(apiToken|[tT]oken)\s*[!=]==\s*(?!\s*(undefined|null))|[!=]==\s*(deps\.)?(apiToken|[tT]oken)\b|apiToken\.(startsWith|includes|localeCompare)/);
    }
    const createApp = readFileSync(join(API_DIR, 'create-app.ts'), 'utf8');
    expect(createApp).toMatch(/createTokenMatcher\(deps\.apiToken\)/);
  });
});

describe('CORS', () => {
  const foreign = ['https://evil.example', 'null', `${EXTENSION_ORIGIN}.evil.example`, 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba', 'https://partner.microsoft.com'];

  it('should grant no Access-Control-Allow-Origin to another origin, on requests or preflights', async () => {
    for (const origin of foreign) {
      const simple = await app.request('/health', { headers: { Origin: origin } });
      expect(simple.headers.get('access-control-allow-origin'), origin).toBeNull();
      const withToken = await app.request('/imports', { headers: { Origin: origin, Authorization: `Bearer ${TOKEN}` } });
      expect(withToken.headers.get('access-control-allow-origin'), origin).toBeNull();
      const preflight = await app.request('/imports', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('should grant the configured extension origin (so the refusals above are about the origin)', async () => {
    const preflight = await app.request('/imports', {
      method: 'OPTIONS',
      headers: { Origin: EXTENSION_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
  });
});

describe('body limit over real HTTP', () => {
  let server: RunningApiServer;
  beforeAll(async () => {
    server = await startApiServer(
      { service: pipeline.service, apiToken: TOKEN, extensionOrigins: [], maxBodyBytes: MAX_BODY, checkHealth: async () => ({ redis: 'up', partnerCenter: 'sandbox' }) },
      { port: 0, host: '127.0.0.1' },
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should answer 413 to an oversized upload, with and without Content-Length, and create no import', async () => {
    const before = (await pipeline.service.listImports({ limit: 500 })).length;
    const csv = buildCustomerCsv(Array.from({ length: 400 }, (_, index) => validRow(`secbig${index}`)));
    expect(csv.length).toBeGreaterThan(MAX_BODY);
    const form = new FormData();
    form.set('file', new File([csv], 'big.csv', { type: 'text/csv' }));
    const sized = await fetch(`${server.url}/imports`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: form });
    expect(sized.status).toBe(413);
    expect(sized.headers.get('content-type')).toBe('application/problem+json');
    await sized.body?.cancel();

    // Streamed (chunked, no Content-Length): the limit must count bytes as they arrive.
    const chunk = new TextEncoder().encode(csv.slice(0, 8 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= MAX_BODY * 4) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = await fetch(`${server.url}/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'multipart/form-data; boundary=x' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    await streamed.body?.cancel();
    expect((await pipeline.service.listImports({ limit: 500 })).length).toBe(before);
  });
});
