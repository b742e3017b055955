import type { Queue } from 'bullmq';
import type { RowJobData } from '../processor/process-row.ts';
import { feedAgain, type FeedWindowSize } from '../queue/row-feeder.ts';
import type { ImportStore } from '../store/create-import-store.ts';

const CHUNK = 500;

/**
 * Continues an import where it stopped (Ctrl+C, a cancel, a process that left at once): the
 * cancel flag goes, the rows the cancel skipped run again under a new generation, and every
 * pending row gets its job back (a job that still exists is not added twice; one that was
 * running in a process that died is picked up again when its lock runs out), fed to the queue a
 * window at a time again from the first row. Rows keep the step they reached, so nothing is
 * created twice. Returns how many rows were re-queued and how many are pending now.
 */
export async function resumeImport(store: ImportStore, queue: Queue<RowJobData>, importId: string, window?: FeedWindowSize): Promise<{ requeued: number; pending: number }> {
  await store.keepImport(importId);
  await store.reopen(importId);
  let requeued = 0;
  let after = 0;
  for (;;) {
    const skipped = await store.rowsWithStatus(importId, 'skipped', after, CHUNK);
    if (skipped.length === 0) break;
    after = skipped.at(-1)!;
    const states = await store.getRows(importId, skipped);
    const cancelled = skipped.filter((_, index) => states[index]?.errorCode === 'cancelled');
    const changed = await store.transitionMany(
      importId,
      cancelled,
      { status: 'pending', errorCode: null, errorField: null, errorEn: null, errorJa: null },
      { from: ['skipped'], bumpGen: true },
    );
    requeued += changed.length;
  }
  // Rows whose job still exists (a process that left at once) are not added twice: same job id.
  await feedAgain(store, queue, importId, window);
  const pending = (await store.readCounts(importId))?.counts.pending ?? 0;
  await store.expireIfSettled(importId);
  return { requeued, pending };
}
