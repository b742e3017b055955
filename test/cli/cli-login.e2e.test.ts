import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox.ts';
import { loadConfig } from '../../worker/config.ts';
import type { PausableSummary } from '../../shared/imports/import-types.ts';
import { openCliRuntime } from '../../worker/cli/open-cli-runtime.ts';
import { deleteKeys, TEST_REDIS_URL } from '../support/redis/with-redis.ts';
import { buildCustomerCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { csvSource } from '../support/worker/csv-source.ts';
import { spawnCli } from '../support/cli/spawn-cli.ts';
import { startCliProcess, stopAll } from '../support/cli/start-cli-process.ts';

/**
 * A person signs in with `pc-onboard login` (the test approves the code in the sandbox, in place
 * of the browser), an import runs on that sign-in alone, the sign-in is revoked mid-import, the
 * import pauses with no row failed, and a new login lets it finish.
 */
describe('pc-onboard login against the sandbox, and an import that survives a revoked sign-in', () => {
  const prefix = `test-${randomUUID()}`;
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const dataDir = mkdtempSync(join(tmpdir(), 'pc-onboard-login-'));
  let sandbox: RunningSandbox | undefined;

  afterAll(async () => {
    stopAll();
    await sandbox?.close();
    await deleteKeys(redis, `${prefix}*`);
    await redis.quit();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function login(env: Record<string, string>, sandboxUrl: string): Promise<string> {
    const child = await startCliProcess(['login'], env, 'Waiting for the sign-in');
    const userCode = /Code: (\S+)/.exec(child.output())![1]!;
    expect(child.output()).toContain(`${sandboxUrl}/_sandbox/device`);
    const approved = await fetch(`${sandboxUrl}/_sandbox/device/approve`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user_code: userCode }) });
    expect(approved.status).toBe(200);
    expect(await child.exited).toBe(0);
    expect(child.output()).toContain('Signed in as admin@sandboxpartner.onmicrosoft.com');
    return child.output();
  }

  it('should import with the sign-in alone, pause on revocation with 0 rows failed, and finish after a new login', async () => {
    // No test token: every API call must carry a token of the sign-in.
    sandbox = await startSandbox({ faults: { latencyMs: 60 } });
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      PC_ONBOARD_KEY_PREFIX: prefix,
      PC_ONBOARD_DATA_DIR: dataDir,
      PC_ONBOARD_SANDBOX_URL: sandbox.url,
      PC_ONBOARD_CONCURRENCY: '2',
      LOG_LEVEL: 'warn',
    };
    const firstLogin = await login(env, sandbox.url);
    expect(firstLogin).toContain('Kept encrypted in Redis');
    const whoami = await spawnCli(['whoami', '--json'], env, { direct: true });
    expect(whoami.code).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ state: 'signed-in', user: 'admin@sandboxpartner.onmicrosoft.com', daysLeft: 89 });

    const runtime = await openCliRuntime(loadConfig({ env }), { worker: true });
    try {
      const rows = Array.from({ length: 24 }, (_, index) => validRow(`signin${index}x${randomUUID().slice(0, 6)}`));
      const summary = await runtime.service.createImport({ source: csvSource(buildCustomerCsv(rows)), dryRun: false, cloud: 'global' });
      const current = async () => (await runtime.service.getImport(summary.id)) as PausableSummary;
      const events: unknown[] = [];
      const unsubscribe = await runtime.service.subscribe(summary.id, (event) => events.push(event));
      await vi.waitFor(async () => expect((await current()).counts.created).toBeGreaterThanOrEqual(3), { timeout: 30_000, interval: 50 });

      const revoked = await fetch(`${sandbox.url}/_sandbox/tokens/revoke`, { method: 'POST' });
      expect(revoked.status).toBe(200);
      await vi.waitFor(async () => expect((await current()).paused).toMatchObject({ reason: 'sign-in-required', message: { en: expect.stringContaining('Sign in again: pc-onboard login'), ja: expect.stringContaining('pc-onboard login') } }), { timeout: 30_000, interval: 100 });
      // Live followers (the side panel over SSE) hear it too.
      await vi.waitFor(() => expect(events).toContainEqual(expect.objectContaining({ type: 'progress', paused: { reason: 'sign-in-required', message: expect.objectContaining({ en: expect.stringContaining('Sign in again: pc-onboard login') }) } })), { timeout: 10_000 });
      unsubscribe();
      const paused = await current();
      expect(paused.counts.failed).toBe(0);
      expect(paused.counts.pending).toBeGreaterThan(0);
      expect((await runtime.checkHealth()).signIn).toMatchObject({ state: 'sign-in-needed', message: expect.stringContaining('Sign in again: pc-onboard login') });
      await login(env, sandbox.url);
      await vi.waitFor(async () => expect((await current()).counts.pending).toBe(0), { timeout: 60_000, interval: 100 });
      const done = await current();
      expect(done.counts).toMatchObject({ created: 24, failed: 0, pending: 0 });
      expect(done.paused).toBeUndefined();
      expect((await runtime.checkHealth()).signIn).toMatchObject({ state: 'signed-in' });
    } finally {
      await runtime.close();
    }
    const stats = (await (await fetch(`${sandbox.url}/_sandbox/stats`)).json()) as { creationsPerDomain: Record<string, number> };
    expect(Object.values(stats.creationsPerDomain)).toEqual(Array(24).fill(1));
  }, 300_000);
});
