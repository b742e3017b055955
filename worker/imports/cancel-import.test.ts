import { describe, expect, it } from 'vitest';
import { buildCustomerCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { useTestPipelines } from '../../test/support/worker/use-test-pipelines.ts';

const ROWS = 20_000;

describe('cancelImport on a big queue', () => {
  const startPipeline = useTestPipelines();

  it(`should skip ${ROWS} queued rows and remove their jobs in seconds, not a row at a time`, async () => {
    const pipeline = await startPipeline({ noWorker: true });
    const rows = Array.from({ length: ROWS }, (_, index) => validRow(`big${index}`));
    const summary = await pipeline.importCsv(buildCustomerCsv(rows));
    expect(await pipeline.queue.getWaitingCount()).toBe(ROWS);

    const started = performance.now();
    const skipped = await pipeline.service.cancel(summary.id);
    const seconds = (performance.now() - started) / 1000;

    expect(skipped).toBe(ROWS);
    // Job.remove per row scans the whole wait list each time: about a minute here, half an hour for 200 000.
    expect(seconds).toBeLessThan(5);
    expect(await pipeline.queue.getWaitingCount()).toBe(0);
    expect(await pipeline.redis.exists(pipeline.queue.toKey(`${summary.id}-r1-g0`), pipeline.queue.toKey(`${summary.id}-r${ROWS}-g0`))).toBe(0);
    const after = (await pipeline.service.getImport(summary.id))!;
    expect(after.counts).toMatchObject({ pending: 0, skipped: ROWS });
    expect(after.state).toBe('cancelled');
  }, 120_000);

  it('should leave the jobs of another import waiting', async () => {
    const pipeline = await startPipeline({ noWorker: true });
    const first = await pipeline.importCsv(buildCustomerCsv([validRow('keep1'), validRow('keep2')]));
    const second = await pipeline.importCsv(buildCustomerCsv([validRow('drop1'), validRow('drop2'), validRow('drop3')]));
    expect(await pipeline.service.cancel(second.id)).toBe(3);
    const waiting = (await pipeline.queue.getWaiting()).map((job) => job.id);
    expect(waiting.sort()).toEqual([`${first.id}-r1-g0`, `${first.id}-r2-g0`].sort());
  });
});
