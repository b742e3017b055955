import type { Queue } from 'bullmq';
import type { RowJobData } from '../processor/process-row.ts';
import { ROW_MESSAGES } from '../processor/row-messages.ts';
import { rowJobId } from '../queue/row-queue.ts';
import { removeWaitingJobs } from '../queue/remove-waiting-jobs.ts';
import type { ImportStore } from '../store/create-import-store.ts';
import { CANCELLABLE_STEPS } from '../store/row-state.ts';

/** Rows per script: a few dozen round trips for 200 000 rows, each short enough not to hold Redis up. */
const CHUNK = 10_000;

/**
 * Cancels an import: sets its flag (a running job checks it before creating, the feeder adds no
 * more jobs), then every pending row that has not reached the create call ends `skipped`
 * (`cancelled`), a chunk of rows per script, and the jobs of the window fed to the queue are
 * removed. Rows beyond the window never had a job. Rows already creating finish normally.
 * Returns how many rows were skipped.
 */
export async function cancelImport(store: ImportStore, queue: Queue<RowJobData>, importId: string): Promise<number> {
  const state = await store.getMetaField(importId, 'state');
  if (state === undefined || state === 'done') return 0;
  await store.setMetaFields(importId, { cancelled: '1', state: 'cancelled' });
  const window = await store.feed.read(importId);
  const message = ROW_MESSAGES.cancelled();
  return store.cancelPendingRows(
    importId,
    { errorCode: 'cancelled', errorEn: message.en, errorJa: message.ja },
    { steps: CANCELLABLE_STEPS, windowEnd: window?.cursor ?? 0, chunk: CHUNK },
    // A job that is running stays and finds its row final.
    async (rows) => void (await removeWaitingJobs(queue, rows.map(({ row, gen }) => rowJobId(importId, row, gen)))),
  );
}
