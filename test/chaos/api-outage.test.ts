import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCliProcess, stopAll, type CliProcess } from '../support/cli/start-cli-process.ts';
import { buildCustomerCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { startOwnedRedis } from './support/owned-redis.ts';

const TOKEN = 'outage-test-token-0123456789';
const auth = { Authorization: `Bearer ${TOKEN}` };

let redis: Awaited<ReturnType<typeof startOwnedRedis>> | undefined;
const dirs: string[] = [];

afterEach(async () => {
  stopAll();
  await redis?.stop();
  redis = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The log lines (pino JSON) of the serve process that mention Redis or an error. */
function redisLines(serve: CliProcess): string[] {
  return serve.output().split('\n').filter((line) => /redis|ECONNREFUSED|Unhandled error/i.test(line) && !line.includes('listening on'));
}

/** `pc-onboard serve` as a child process on a redis-server of its own (`redis`), once it listens. */
async function serveOnOwnRedis() {
  const ownRedis = await startOwnedRedis();
  redis = ownRedis;
  const dataDir = mkdtempSync(join(tmpdir(), 'pco-outage-'));
  dirs.push(dataDir);
  const serve = await startCliProcess(
    ['serve', '--port', '0'],
    { REDIS_URL: ownRedis.url, PC_ONBOARD_DATA_DIR: dataDir, PC_ONBOARD_API_TOKEN: TOKEN, PC_ONBOARD_KEY_PREFIX: 'outage', LOG_LEVEL: 'info' },
    'Ctrl+C stops the server',
  );
  return { serve, ownRedis };
}

async function timed(request: Promise<Response>): Promise<{ status: number; type: string; ms: number }> {
  const started = performance.now();
  const response = await request;
  await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', ms: performance.now() - started };
}

describe('the API while Redis is down (serve as a child process, its own redis-server)', () => {
  it('should answer every route 503 problem+json within 1 s, log the outage once and its end once, and not run a request made during it', async () => {
    const { serve, ownRedis } = await serveOnOwnRedis();
    const url = /listening on (http:\/\/\S+)/.exec(serve.output())![1]!;
    expect((await fetch(`${url}/imports`, { headers: auth })).status).toBe(200);

    await ownRedis.kill();
    await vi.waitFor(() => expect(redisLines(serve).some((line) => line.includes('Redis is unreachable'))).toBe(true), { timeout: 10_000 });

    const upload = new FormData();
    upload.set('file', new File([buildCustomerCsv([validRow('outage1')])], 'during-outage.csv'));
    const answers = {
      health: await timed(fetch(`${url}/health`)),
      list: await timed(fetch(`${url}/imports`, { headers: auth })),
      one: await timed(fetch(`${url}/imports/00000000-0000-4000-8000-000000000000`, { headers: auth })),
      rows: await timed(fetch(`${url}/imports/00000000-0000-4000-8000-000000000000/rows`, { headers: auth })),
      upload: await timed(fetch(`${url}/imports`, { method: 'POST', headers: auth, body: upload })),
      board: await timed(fetch(`${url}/ui`, { headers: auth })),
    };
    for (const [route, answer] of Object.entries(answers)) {
      expect(answer.status, route).toBe(503);
      expect(answer.ms, route).toBeLessThan(1000);
      if (route !== 'health') expect(answer.type, route).toContain('application/problem+json');
    }

    // The scenario is time passing: several seconds of reconnect attempts by every connection
    // (queue, worker, subscribers, API) must still log the outage once.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await ownRedis.start();
    await vi.waitFor(() => expect(redisLines(serve).some((line) => line.includes('Redis is reachable again'))).toBe(true), { timeout: 15_000 });

    const lines = redisLines(serve);
    expect(lines.filter((line) => line.includes('Redis is unreachable'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('Redis is reachable again'))).toHaveLength(1);
    expect(serve.output()).not.toContain('Unhandled error event');
    expect(serve.output()).not.toContain('at TCPConnectWrap');
    expect(lines).toHaveLength(2);

    // The upload refused during the outage was not run when Redis came back; a new one runs.
    await vi.waitFor(async () => expect((await fetch(`${url}/imports`, { headers: auth })).status).toBe(200), { timeout: 5000 });
    const after = (await (await fetch(`${url}/imports`, { headers: auth })).json()) as { items: { fileName: string }[] };
    expect(after.items.map((item) => item.fileName)).not.toContain('during-outage.csv');
    const again = new FormData();
    again.set('file', new File([buildCustomerCsv([validRow('outage2')])], 'after-outage.csv'));
    const created = await fetch(`${url}/imports`, { method: 'POST', headers: auth, body: again });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await vi.waitFor(
      async () => expect(((await (await fetch(`${url}/imports/${id}`, { headers: auth })).json()) as { counts: { created: number } }).counts.created).toBe(1),
      { timeout: 30_000 },
    );

    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
  }, 90_000);

  it('should stop on SIGTERM while Redis is still down', async () => {
    const { serve, ownRedis } = await serveOnOwnRedis();
    await ownRedis.kill();
    await vi.waitFor(() => expect(redisLines(serve).some((line) => line.includes('Redis is unreachable'))).toBe(true), { timeout: 10_000 });
    const stopping = performance.now();
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    expect(performance.now() - stopping).toBeLessThan(20_000);
  }, 60_000);
});

