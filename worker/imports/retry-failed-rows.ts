import type { Queue } from 'bullmq';
import type { RowJobData } from '../processor/process-row.ts';
import { enqueueRows } from '../queue/row-queue.ts';
import type { ImportStore } from './store/create-import-store.ts';

const CHUNK = 500;

/**
 * Re-queues the `failed` rows of an import under a new generation (new job ids). The row keeps
 * the step it reached, so a customer created before the failure is not created again. Counts
 * move atomically with each row. Returns how many rows were re-queued.
 */
export async function retryFailedRows(store: ImportStore, queue: Queue<RowJobData>, importId: string): Promise<number> {
  let requeued = 0;
  let after = 0;
  for (;;) {
    const rows = await store.rowsWithStatus(importId, 'failed', after, CHUNK);
    if (rows.length === 0) break;
    after = rows.at(-1)!;
    const jobs: RowJobData[] = [];
    for (const row of rows) {
      const current = await store.getRow(importId, row);
      if (!current) continue;
      const gen = current.gen + 1;
      const result = await store.transition(
        importId,
        row,
        { status: 'pending', gen, errorCode: null, errorField: null, errorEn: null, errorJa: null },
        { from: ['failed'], gen: current.gen },
      );
      if (result.applied) jobs.push({ importId, row, gen });
    }
    await enqueueRows(queue, jobs, CHUNK);
    requeued += jobs.length;
  }
  return requeued;
}
