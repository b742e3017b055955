import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { startApiServer, type RunningApiServer } from './start-api-server.ts';
import { FakeImportService } from '../../test/support/api/fake-import-service.ts';
import type { ApiDeps } from './api-deps.ts';

const TOKEN = 'port-test-token-0123456789';
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(overrides: Partial<ApiDeps> = {}): Promise<RunningApiServer> {
  const server = await startApiServer(
    {
      service: new FakeImportService(),
      apiToken: TOKEN,
      extensionOrigins: [],
      maxBodyBytes: 2048,
      checkHealth: async () => ({ redis: 'up', partnerCenter: 'sandbox' }),
      ...overrides,
    },
    { port: 0 },
  );
  cleanups.push(() => server.close());
  return server;
}

describe('the API over a real port', () => {
  it('should listen on a free port and answer /health', async () => {
    const server = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const response = await fetch(`${server.url}/health`);
    expect(await response.json()).toMatchObject({ status: 'ok', partnerCenter: 'sandbox' });
  });

  it('should answer 413 to a streamed (chunked) body over the limit, as to a declared one', async () => {
    const server = await start();
    const chunk = new TextEncoder().encode('x'.repeat(1024));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await fetch(`${server.url}/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.headers.get('content-type')).toBe('application/problem+json');
    const declared = await fetch(`${server.url}/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: 'x'.repeat(4096),
    });
    expect(declared.status).toBe(413);
  });
});

describe('Bull Board at /ui', () => {
  async function startWithBoard() {
    const connection = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null });
    const queue = new Queue(`test-${randomUUID()}`, { connection });
    cleanups.push(async () => {
      await queue.obliterate({ force: true });
      await queue.close();
      await connection.quit();
    });
    return { server: await start({ boardQueues: [queue] }), queue };
  }

  it('should refuse the board without the token', async () => {
    const { server } = await startWithBoard();
    for (const path of ['/ui', '/ui/api/queues', `/ui?token=wrong-token-0123456789`]) {
      const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(401);
      expect(response.headers.get('set-cookie'), path).toBeNull();
    }
  });

  it('should trade ?token= for an HttpOnly SameSite=Strict cookie and serve the board with it', async () => {
    const { server, queue } = await startWithBoard();
    const login = await fetch(`${server.url}/ui?token=${encodeURIComponent(TOKEN)}`, { redirect: 'manual' });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/ui');
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/ui/);
    const cookie = setCookie.split(';')[0]!;

    const page = await fetch(`${server.url}/ui`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    // The page sets <base href="/ui/"> and links its scripts relatively.
    const script = /src="(static\/js\/main[^"]+)"/.exec(html)?.[1];
    expect(script, 'the board page loads its main script from static/js').toBeDefined();
    const asset = `/ui/${script}`;
    expect((await fetch(`${server.url}${asset}`, { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await fetch(`${server.url}${asset}`)).status).toBe(401);
    const queues = await fetch(`${server.url}/ui/api/queues`, { headers: { Cookie: cookie } });
    expect(queues.status).toBe(200);
    expect(JSON.stringify(await queues.json())).toContain(queue.name);
  });

  it('should also accept the bearer header, for scripts', async () => {
    const { server } = await startWithBoard();
    const response = await fetch(`${server.url}/ui/api/queues`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
  });
});
