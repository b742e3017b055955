import { describe, expect, it, vi } from 'vitest';
import { buildCustomerCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { useTestPipelines } from '../../test/support/worker/use-test-pipelines.ts';
import { topUpWindow } from './row-feeder.ts';

const WINDOW = { high: 4, low: 2 };
const ROWS = 15;

function rowsOf(count: number, tag: string) {
  return buildCustomerCsv(Array.from({ length: count }, (_, index) => validRow(`${tag}${index + 1}`)));
}

describe('the row feeder', () => {
  const startPipeline = useTestPipelines();

  it('should queue only a window of an import, and a worker started later should run every row once', async () => {
    const pipeline = await startPipeline({ noWorker: true, feedWindow: WINDOW });
    const summary = await pipeline.importCsv(rowsOf(ROWS, 'win'), { dryRun: true });
    expect(await pipeline.queue.getWaitingCount()).toBe(WINDOW.high);
    expect(summary.counts.pending).toBe(ROWS);

    pipeline.startRowWorker();
    const done = await pipeline.waitUntilSettled(summary.id);

    expect(done.counts).toMatchObject({ pending: 0, ready: ROWS });
    expect(done.state).toBe('done');
    const page = await pipeline.service.listRows(summary.id, { limit: 100 });
    expect(page.items.map((item) => [item.row, item.status])).toEqual(Array.from({ length: ROWS }, (_, index) => [index + 1, 'ready']));
    // One job per row, none twice: the completed jobs kept for Bull Board are the rows' jobs
    // (a job moves to completed just after its row's status is written).
    const expected = Array.from({ length: ROWS }, (_, index) => `${summary.id}-r${index + 1}-g0`).sort();
    await vi.waitFor(async () => expect((await pipeline.queue.getCompleted(0, 100)).map((job) => job.id).sort()).toEqual(expected), { timeout: 5_000, interval: 50 });
    // The last row's worker finds nothing left to feed and takes the import off the index.
    await vi.waitFor(async () => expect(await pipeline.store.feed.importsToFeed()).not.toContain(summary.id), { timeout: 5_000, interval: 50 });
  });

  it('should add nothing twice when a feeder runs again over rows already fed (one that died before moving its cursor)', async () => {
    const pipeline = await startPipeline({ noWorker: true, feedWindow: WINDOW });
    const summary = await pipeline.importCsv(rowsOf(10, 'again'));
    await pipeline.store.feed.rewind(summary.id);

    expect(await topUpWindow(pipeline.store, pipeline.queue, summary.id, WINDOW)).toBe(WINDOW.high);

    expect(await pipeline.queue.getWaitingCount()).toBe(WINDOW.high);
    expect(await pipeline.store.feed.read(summary.id)).toMatchObject({ cursor: WINDOW.high, inWindow: WINDOW.high });
    // The window is full: a second feeder adds nothing.
    expect(await topUpWindow(pipeline.store, pipeline.queue, summary.id, WINDOW)).toBe(0);
  });

  it('should let only one of two feeders top an import up at a time', async () => {
    const pipeline = await startPipeline({ noWorker: true, feedWindow: WINDOW });
    const summary = await pipeline.importCsv(rowsOf(10, 'race'));
    await pipeline.store.feed.rewind(summary.id);

    const added = await Promise.all([0, 1, 2].map(() => topUpWindow(pipeline.store, pipeline.queue, summary.id, WINDOW)));

    expect(added.reduce((sum, count) => sum + count, 0)).toBe(WINDOW.high);
    expect(await pipeline.queue.getWaitingCount()).toBe(WINDOW.high);
  });

  it('should feed nothing more after a cancel, and resume the rest where it stopped', async () => {
    const pipeline = await startPipeline({ noWorker: true, feedWindow: WINDOW });
    const summary = await pipeline.importCsv(rowsOf(ROWS, 'resume'), { dryRun: true });

    expect(await pipeline.service.cancel(summary.id)).toBe(ROWS);
    expect(await topUpWindow(pipeline.store, pipeline.queue, summary.id, WINDOW)).toBe(0);
    expect(await pipeline.queue.getWaitingCount()).toBe(0);
    expect(await pipeline.store.feed.importsToFeed()).not.toContain(summary.id);

    expect(await pipeline.service.resume(summary.id)).toEqual({ requeued: ROWS, pending: ROWS });
    expect(await pipeline.queue.getWaitingCount()).toBe(WINDOW.high);
    pipeline.startRowWorker();
    const done = await pipeline.waitUntilSettled(summary.id);
    expect(done.counts).toMatchObject({ pending: 0, ready: ROWS, skipped: 0 });
  });

  it('should feed an import whose rows were read by another process when a worker starts', async () => {
    const pipeline = await startPipeline({ noWorker: true, feedWindow: WINDOW });
    const summary = await pipeline.importCsv(rowsOf(8, 'sweep'), { dryRun: true });
    // As if the process that read the file left before adding its first window.
    await pipeline.queue.drain();
    await pipeline.store.feed.rewind(summary.id);
    expect(await pipeline.queue.getWaitingCount()).toBe(0);

    pipeline.startRowWorker();
    const done = await pipeline.waitUntilSettled(summary.id);
    expect(done.counts).toMatchObject({ pending: 0, ready: 8 });
  });
});
