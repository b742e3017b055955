import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../worker/config.ts';
import { runDoctor } from '../../worker/doctor/run-doctor.ts';
import { spawnCli } from '../support/cli/spawn-cli.ts';
import { startCliProcess, stopAll } from '../support/cli/start-cli-process.ts';
import { TEST_REDIS_URL } from '../support/redis/with-redis.ts';
import { freePort, startOwnedRedis } from '../chaos/support/owned-redis.ts';

const tempDirs: string[] = [];
const freshDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-onboard-doctor-'));
  tempDirs.push(dir);
  return dir;
};

/** `pc-onboard doctor`: passes on the `npm start` defaults, names the fix for each failure. */
describe('pc-onboard doctor', () => {
  afterAll(() => {
    stopAll();
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('should pass every check next to a running `pc-onboard serve` with its defaults', async () => {
    // `npm start` on a machine without Redis starts one with AOF: this Redis stands for it.
    const redis = await startOwnedRedis();
    try {
      const env = { REDIS_URL: redis.url, PC_ONBOARD_DATA_DIR: freshDataDir(), PC_ONBOARD_PORT: String(await freePort()), LOG_LEVEL: 'warn' };
      await startCliProcess(['serve'], env, 'worker API listening on');
      const doctor = await spawnCli(['doctor'], env, { direct: true });
      expect(doctor.stdout).toContain('All checks passed.');
      expect(doctor.stdout).not.toContain('✗');
      for (const check of ['Redis reachable and persistent', 'Secret key set', 'Cloud', 'Signed in to Partner Center', 'A read call to Partner Center answered', 'Rate budget', 'API listening for the extension']) {
        expect(doctor.stdout).toContain(`✓ ${check}`);
      }
      expect(doctor.code).toBe(0);
    } finally {
      stopAll();
      await redis.stop();
    }
  }, 120_000);

  it('should name the fix when Redis is down', async () => {
    const env = { REDIS_URL: `redis://127.0.0.1:${await freePort()}`, PC_ONBOARD_DATA_DIR: freshDataDir(), PC_ONBOARD_SECRET_KEY: randomBytes(32).toString('base64') };
    const checks = await runDoctor(() => loadConfig({ env }));
    expect(checks.find((check) => check.name === 'Redis reachable and persistent')).toMatchObject({ ok: false, fix: expect.stringContaining('start Redis') });
  });

  it('should name the fix when no secret key is set, or a wrong one', async () => {
    const base = { REDIS_URL: TEST_REDIS_URL, PC_ONBOARD_KEY_PREFIX: `test-${randomUUID()}` };
    const none = await runDoctor(() => loadConfig({ env: { ...base, PC_ONBOARD_DATA_DIR: freshDataDir() } }));
    expect(none.find((check) => check.name === 'Secret key set')).toMatchObject({ ok: false, fix: expect.stringContaining('PC_ONBOARD_SECRET_KEY') });
    const wrong = await runDoctor(() => loadConfig({ env: { ...base, PC_ONBOARD_DATA_DIR: freshDataDir(), PC_ONBOARD_SECRET_KEY: 'dG9vIHNob3J0' } }));
    expect(wrong).toEqual([expect.objectContaining({ name: 'Secret key set', ok: false, detail: expect.stringContaining('openssl rand -base64 32'), fix: expect.stringContaining('PC_ONBOARD_SECRET_KEY') })]);
  });

  it('should name pc-onboard login when nobody is signed in to the real Partner Center', async () => {
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      PC_ONBOARD_KEY_PREFIX: `test-${randomUUID()}`,
      PC_ONBOARD_DATA_DIR: freshDataDir(),
      PC_ONBOARD_SECRET_KEY: randomBytes(32).toString('base64'),
      PARTNER_CENTER_TENANT_ID: 'contoso.onmicrosoft.com',
      PARTNER_CENTER_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
    };
    const doctor = await spawnCli(['doctor'], env, { direct: true });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/✗ Signed in to Partner Center: Nobody is signed in\. Sign in again: pc-onboard login\n {4}fix: pc-onboard login/);
    // No sign-in, no call: the read check says the same without reaching Microsoft.
    expect(doctor.stdout).toMatch(/✗ A read call to Partner Center answered: .*Sign in again: pc-onboard login/);
  }, 60_000);
});
