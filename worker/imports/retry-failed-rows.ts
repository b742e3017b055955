import type { Queue } from 'bullmq';
import type { RowJobData } from '../processor/process-row.ts';
import { feedAgain, type FeedWindowSize } from '../queue/row-feeder.ts';
import type { ImportStore } from '../store/create-import-store.ts';

const CHUNK = 500;

/**
 * Re-queues the `failed` rows of an import under a new generation (new job ids). The row keeps
 * the step it reached, so a customer created before the failure is not created again. Counts
 * move atomically with each chunk of rows; the import's TTL is lifted until it drains again.
 * Returns how many rows were re-queued.
 */
export async function retryFailedRows(store: ImportStore, queue: Queue<RowJobData>, importId: string, window?: FeedWindowSize): Promise<number> {
  // Off the retention clock while rows run again; it restarts when the import drains.
  await store.keepImport(importId);
  let requeued = 0;
  for (;;) {
    // Re-queued rows leave the failed set, so the next chunk starts at the beginning again.
    const rows = await store.rowsWithStatus(importId, 'failed', 0, CHUNK);
    if (rows.length === 0) break;
    const changed = await store.transitionMany(
      importId,
      rows,
      { status: 'pending', errorCode: null, errorField: null, errorEn: null, errorJa: null },
      { from: ['failed'], bumpGen: true },
    );
    requeued += changed.length;
    if (changed.length === 0) break;
  }
  // The rows are pending again under a new generation; the feeder gives them their jobs.
  if (requeued > 0) await feedAgain(store, queue, importId, window);
  // Nothing re-queued (or all already final again): the import is settled, keep it expiring.
  await store.expireIfSettled(importId);
  return requeued;
}
