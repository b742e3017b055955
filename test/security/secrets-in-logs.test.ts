import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { deleteKeys, TEST_REDIS_URL } from '../support/redis/with-redis.ts';
import { buildCustomerCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { ROOT } from '../chaos/support/chaos-harness.ts';
import { freePort } from '../chaos/support/owned-redis.ts';

/**
 * No secret in logs at any level: `pc-onboard serve` at LOG_LEVEL=trace with the API token,
 * the vault key and Partner Center app credentials configured (real mode, whose token endpoint is
 * unreachable here, so the failure paths log too). Requests with the right and a wrong token and
 * an import; then everything the process wrote is searched.
 */
describe('secrets in the worker process output', () => {
  it('should never print the API token, secret key, client secret or refresh token, even at trace', async () => {
    const secrets = {
      apiToken: `api-${randomBytes(18).toString('base64url')}`,
      secretKey: randomBytes(32).toString('base64'),
      clientSecret: `cs-${randomBytes(18).toString('base64url')}`,
      refreshToken: `rt-${randomBytes(30).toString('base64url')}`,
    };
    const wrongToken = `wrong-${randomBytes(18).toString('base64url')}`;
    const prefix = `test-${randomUUID()}`;
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'pco-secrets-'));
    const child = spawn(process.execPath, [join(ROOT, 'worker', 'cli', 'main.ts'), 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: 'trace',
        REDIS_URL: TEST_REDIS_URL,
        PC_ONBOARD_KEY_PREFIX: prefix,
        PC_ONBOARD_PORT: String(port),
        PC_ONBOARD_DATA_DIR: dataDir,
        PC_ONBOARD_API_TOKEN: secrets.apiToken,
        PC_ONBOARD_SECRET_KEY: secrets.secretKey,
        PC_ONBOARD_MAX_ATTEMPTS: '2',
        PARTNER_CENTER_TENANT_ID: '00000000-0000-4000-8000-000000000001',
        PARTNER_CENTER_CLIENT_ID: '00000000-0000-4000-8000-000000000002',
        PARTNER_CENTER_CLIENT_SECRET: secrets.clientSecret,
        PARTNER_CENTER_REFRESH_TOKEN: secrets.refreshToken,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += String(chunk)));
    child.stderr!.on('data', (chunk: Buffer) => (output += String(chunk)));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    try {
      const base = `http://127.0.0.1:${port}`;
      await vi.waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error(`serve exited before it started:\n${output}`);
          expect(await fetch(`${base}/health`).then((response) => response.ok, () => false), `serve to start:\n${output}`).toBe(true);
        },
        { timeout: 30_000, interval: 200 },
      );
      expect((await fetch(`${base}/imports`, { headers: { Authorization: `Bearer ${secrets.apiToken}` } })).status).toBe(200);
      expect((await fetch(`${base}/imports`, { headers: { Authorization: `Bearer ${wrongToken}` } })).status).toBe(401);
      expect((await fetch(`${base}/ui?token=${wrongToken}`)).status).toBe(401);
      const form = new FormData();
      form.set('file', new File([buildCustomerCsv([validRow('secretlog1'), validRow('secretlog2')])], 'customers.csv'));
      const created = await fetch(`${base}/imports`, { method: 'POST', headers: { Authorization: `Bearer ${secrets.apiToken}` }, body: form });
      expect(created.status).toBe(201);
      // The worker tries the unreachable token endpoint and logs its failure.
      await vi.waitFor(() => expect(output).toMatch(/"level":\d+.*Could not get a Partner Center token/), { timeout: 30_000, interval: 100 });
      const { id } = (await created.json()) as { id: string };
      const summary = await fetch(`${base}/imports/${id}`, { headers: { Authorization: `Bearer ${secrets.apiToken}` } });
      expect(summary.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
      await deleteKeys(redis, `${prefix}*`);
      redis.disconnect();
      rmSync(dataDir, { recursive: true, force: true });
    }
    // The process did log (the token failures), so the search below is over real output.
    expect(output).toMatch(/"level":\d+.*Could not get a Partner Center token/);
    for (const [name, value] of Object.entries({ ...secrets, wrongToken })) {
      expect(output.includes(value), `${name} found in the output`).toBe(false);
    }
    // The vault key also never appears as hex.
    expect(output.includes(Buffer.from(secrets.secretKey, 'base64').toString('hex'))).toBe(false);
  }, 60_000);
});
