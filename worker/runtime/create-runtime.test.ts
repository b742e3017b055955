import { makeTempDir } from '../../test/support/temp-dir.ts';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.ts';
import { deleteKeys, TEST_REDIS_URL } from '../../test/support/redis/with-redis.ts';
import { buildCustomerCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { csvSource } from '../../test/support/worker/csv-source.ts';
import { SANDBOX_BANNER } from '../partner-center/select-partner-center.ts';
import { createRuntime } from './create-runtime.ts';

describe('createRuntime', () => {
  it('should run an import end to end on the built-in sandbox when no credentials are configured', async () => {
    const prefix = `test-${randomUUID()}`;
    const config = loadConfig({
      env: { REDIS_URL: TEST_REDIS_URL, PC_ONBOARD_KEY_PREFIX: prefix, LOG_LEVEL: 'silent', PC_ONBOARD_LOCK_SECONDS: '10', PC_ONBOARD_IMPORT_TTL_DAYS: '2' },
      cwd: makeTempDir('pco-runtime-'),
    });
    const runtime = await createRuntime(config, { worker: true, concurrency: 2 });
    try {
      // The configured lock reaches the BullMQ worker, with stalled checks twice per lock period.
      expect(runtime.worker?.worker.opts).toMatchObject({ lockDuration: 10_000, stalledInterval: 5_000 });
      expect(runtime.partnerCenterMode).toBe('sandbox');
      expect(runtime.banner).toBe(SANDBOX_BANNER);
      expect(runtime.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await runtime.checkHealth()).toEqual({ redis: 'up', partnerCenter: 'sandbox', signIn: { state: 'signed-out', message: expect.stringContaining('test token') } });
      const summary = await runtime.service.createImport({
        source: csvSource(buildCustomerCsv([validRow('runtime1'), validRow('runtime2')])),
        dryRun: false,
        cloud: config.cloud,
      });
      const drained = await new Promise<boolean>((resolve) => {
        void runtime.service
          .subscribe(summary.id, (event) => {
            if (event.type === 'drained') resolve(true);
          })
          // It may have drained before the subscription started.
          .then(async () => ((await runtime.service.getImport(summary.id))!.counts.pending === 0 ? resolve(true) : undefined));
      });
      expect(drained).toBe(true);
      expect((await runtime.service.getImport(summary.id))!.counts).toMatchObject({ created: 2, pending: 0 });
      expect((await runtime.service.listImports()).map((item) => item.id)).toEqual([summary.id]);
      // The configured retention reaches the store (set once the import settled).
      const probe = new Redis(TEST_REDIS_URL);
      await vi.waitFor(async () => expect(await probe.pttl(`${prefix}:import:${summary.id}`)).toBeGreaterThan(0), { timeout: 5_000, interval: 25 });
      const ttl = await probe.pttl(`${prefix}:import:${summary.id}`);
      await probe.quit();
      expect(ttl).toBeGreaterThan(2 * 24 * 60 * 60 * 1000 - 60_000);
      expect(ttl).toBeLessThanOrEqual(2 * 24 * 60 * 60 * 1000);
    } finally {
      await runtime.close();
      const redis = new Redis(TEST_REDIS_URL);
      await deleteKeys(redis, `${prefix}*`);
      await redis.quit();
    }
  }, 20_000);

  it('should refuse Microsoft Cloud Germany at startup', () => {
    expect(() => loadConfig({ env: { PC_ONBOARD_CLOUD: 'germany' }, cwd: makeTempDir('pco-runtime-') })).toThrow(/Germany closed/);
  });
});
