import { afterEach, describe, expect, it } from 'vitest';
import { startChaosHarness, type ChaosHarness } from './support/chaos-harness.ts';
import { startOwnedRedis } from './support/owned-redis.ts';

const ROWS = 1000;
let harness: ChaosHarness | undefined;
let redis: Awaited<ReturnType<typeof startOwnedRedis>> | undefined;

afterEach(async () => {
  await harness?.close();
  await redis?.stop();
  harness = undefined;
  redis = undefined;
});

describe('Redis restarts in the middle of an import', () => {
  it('should give every row exactly one final status and create each domain at most once', async () => {
    redis = await startOwnedRedis();
    harness = await startChaosHarness({ redisUrl: redis.url, sandbox: { faults: { latencyMs: 20 } } });
    const summary = await harness.importRows(ROWS);
    const worker = harness.spawnCliWorker();

    await harness.waitFor(summary.id, (s) => s.counts.created >= 200, 60_000, '200 rows created before the restart');
    // SIGKILL: no shutdown save; the AOF (fsync always) is all that survives.
    await redis.kill();
    // The scenario is an outage: Redis stays away while the worker keeps trying.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await redis.start();

    const settled = await harness.waitFor(summary.id, (s) => s.counts.pending === 0, 100_000, 'every row to settle after the restart');
    expect(worker.exitCode).toBeNull();
    const check = await harness.checkInvariants(summary.id, ROWS);
    expect(check.numbers).toEqual(check.expectedNumbers);
    expect(check.notFinal).toEqual([]);
    expect(check.createdTwice).toEqual([]);
    expect(settled.counts.created + settled.counts.failed).toBe(ROWS);
    // A row may end `failed` only if Redis was away for one of its steps; its customer exists at most once.
    expect(settled.counts.created).toBeGreaterThan(ROWS * 0.95);
  }, 180_000);
});
