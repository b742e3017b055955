import { describe, expect, it } from 'vitest';
import { buildCustomerCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { useTestPipelines } from '../../test/support/worker/use-test-pipelines.ts';
import { DEFAULT_FEED_WINDOW } from '../queue/row-feeder.ts';

const ROWS = 20_000;

describe('cancelImport on a big import', () => {
  const startPipeline = useTestPipelines();

  it(`should skip ${ROWS} pending rows, remove the window's jobs and read every row back skipped`, async () => {
    const pipeline = await startPipeline({ noWorker: true });
    const rows = Array.from({ length: ROWS }, (_, index) => validRow(`big${index}`));
    const summary = await pipeline.importCsv(buildCustomerCsv(rows));
    // Only a window of the rows has a job; the others wait in the import's pending set.
    expect(await pipeline.queue.getWaitingCount()).toBe(DEFAULT_FEED_WINDOW.high);

    const skipped = await pipeline.service.cancel(summary.id);

    expect(skipped).toBe(ROWS);
    expect(await pipeline.queue.getWaitingCount()).toBe(0);
    expect(await pipeline.redis.exists(pipeline.queue.toKey(`${summary.id}-r1-g0`), pipeline.queue.toKey(`${summary.id}-r${DEFAULT_FEED_WINDOW.high}-g0`))).toBe(0);
    const after = (await pipeline.service.getImport(summary.id))!;
    expect(after.counts).toMatchObject({ pending: 0, skipped: ROWS });
    expect(after.state).toBe('cancelled');
    const results = (await pipeline.resultsText(summary.id)).trim().split(/\r?\n/).slice(1);
    expect(results).toHaveLength(ROWS);
    expect(results.filter((line) => /,skipped,,,,,cancelled,/.test(line))).toHaveLength(ROWS);
    const last = await pipeline.service.listRows(summary.id, { cursor: String(ROWS - 1), limit: 1 });
    expect(last.items).toEqual([expect.objectContaining({ row: ROWS, status: 'skipped', errorCode: 'cancelled' })]);
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
