import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { deleteKeys, TEST_REDIS_URL } from '../support/redis/with-redis.ts';
import { buildCustomerCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { spawnCli } from '../support/cli/spawn-cli.ts';
import { startCliProcess, stopAll } from '../support/cli/start-cli-process.ts';

const startServe = (env: Record<string, string>) => startCliProcess(['serve', '--port', '0'], env, 'Ctrl+C stops the server');

describe('pc-onboard serve, end to end', () => {
  const prefix = `test-${randomUUID()}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'pc-onboard-serve-'));
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const env = { REDIS_URL: TEST_REDIS_URL, PC_ONBOARD_KEY_PREFIX: prefix, PC_ONBOARD_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };

  afterAll(async () => {
    stopAll();
    await deleteKeys(redis, `${prefix}*`);
    await redis.quit();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should print the banner, URL, token once and next steps, serve the API, and stop on SIGTERM', async () => {
    const first = await startServe(env);
    let text = first.output();
    const url = /listening on (http:\/\/\S+)/.exec(text)![1]!;
    const token = /API token \(shown once[^)]*\): (\S+)/.exec(text)?.[1];
    expect(token).toBe(readFileSync(join(dataDir, 'api-token'), 'utf8').trim());
    expect(statSync(join(dataDir, 'api-token')).mode & 0o777).toBe(0o600);
    expect(text).toContain('no real customers are created');
    expect(text).toContain('.output/chrome-mv3');
    expect(text).toContain('npx pc-onboard import examples/customers.csv');

    expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok', redis: 'up', partnerCenter: 'sandbox' });
    expect((await fetch(`${url}/imports`)).status).toBe(401);
    const form = new FormData();
    form.set('file', new File([buildCustomerCsv([validRow('serve1')])], 'one.csv'));
    const created = await fetch(`${url}/imports`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    // `status` in another process sees the same import through Redis.
    await vi.waitFor(
      async () => expect(JSON.parse((await spawnCli(['status', id, '--json'], env)).stdout)).toMatchObject({ id, counts: { created: 1, pending: 0 } }),
      { timeout: 30_000, interval: 250 },
    );

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    text = first.output();
    expect(text).toContain('shutting down');

    // A second start reuses the token and does not print it again.
    const second = await startServe(env);
    expect(second.output()).not.toContain(token!);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 90_000);
});
