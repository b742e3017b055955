import { describe, expect, it, vi } from 'vitest';
import { scanKeys } from '../../test/support/redis/with-redis.ts';
import { buildCustomerCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { useTestPipelines } from '../../test/support/worker/use-test-pipelines.ts';

const HOUR = 60 * 60 * 1000;

describe('import retention', () => {
  const startPipeline = useTestPipelines();

  it('should put the retention TTL on every key of an import once it drains, leaving the passwords their own', async () => {
    const pipeline = await startPipeline({ retentionMs: 2 * HOUR });
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('keep1'), validRow('keep2', { Email: 'nope' })]));
    await pipeline.waitUntilSettled(summary.id);
    // The drained event is logged after the counters settle: wait for the TTL, not for time.
    const meta = `${pipeline.prefix}:import:${summary.id}`;
    await vi.waitFor(async () => expect(await pipeline.redis.pttl(meta)).toBeGreaterThan(0), { timeout: 5_000, interval: 25 });

    const importKeys = await scanKeys(pipeline.redis, `${meta}*`);
    expect(importKeys).toEqual(expect.arrayContaining([meta, `${meta}:rows`, `${meta}:cells`, `${meta}:records`, `${meta}:events`]));
    for (const key of importKeys) {
      const ttl = await pipeline.redis.pttl(key);
      expect(ttl, key).toBeGreaterThan(2 * HOUR - 60_000);
      expect(ttl, key).toBeLessThanOrEqual(2 * HOUR);
    }
    const [secret] = await scanKeys(pipeline.redis, `${pipeline.prefix}:secret:${summary.id}:*`);
    expect(await pipeline.redis.pttl(secret!)).toBeLessThanOrEqual(60_000);
  });

  it('should forget an expired import: gone from the list and from the index', async () => {
    const pipeline = await startPipeline({ retentionMs: 300 });
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow('gone1', { Email: 'nope' })]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts.invalid).toBe(1);
    expect((await pipeline.service.listImports()).map((item) => item.id)).toEqual([summary.id]);
    await vi.waitFor(async () => expect(await pipeline.service.getImport(summary.id)).toBeUndefined(), { timeout: 5_000, interval: 25 });
    expect(await pipeline.service.listImports()).toEqual([]);
    expect(await pipeline.redis.zcard(`${pipeline.prefix}:imports`)).toBe(0);
    expect(await scanKeys(pipeline.redis, `${pipeline.prefix}:import:*`)).toEqual([]);
  });
});
