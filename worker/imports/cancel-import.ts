import type { Queue } from 'bullmq';
import type { RowJobData } from '../processor/process-row.ts';
import { ROW_MESSAGES } from '../processor/row-messages.ts';
import { rowJobId } from '../queue/row-queue.ts';
import { removeWaitingJobs } from '../queue/remove-waiting-jobs.ts';
import type { ImportStore } from '../store/create-import-store.ts';
import { CANCELLABLE_STEPS } from '../store/row-state.ts';

const CHUNK = 2000;

/**
 * Cancels an import: sets its flag (a running job checks it before creating), then every pending
 * row that has not reached the create call ends `skipped` (`cancelled`) and its job is removed,
 * a chunk of rows per step (one script for the statuses, one for the jobs). Rows already creating finish normally. Returns how many
 * rows were skipped.
 */
export async function cancelImport(store: ImportStore, queue: Queue<RowJobData>, importId: string): Promise<number> {
  const state = await store.getMetaField(importId, 'state');
  if (state === undefined || state === 'done') return 0;
  await store.setMetaFields(importId, { cancelled: '1', state: 'cancelled' });
  const message = ROW_MESSAGES.cancelled();
  let skipped = 0;
  let after = 0;
  for (;;) {
    const rows = await store.rowsWithStatus(importId, 'pending', after, CHUNK);
    if (rows.length === 0) break;
    after = rows.at(-1)!;
    const changed = await store.transitionMany(
      importId,
      rows,
      { status: 'skipped', errorCode: 'cancelled', errorEn: message.en, errorJa: message.ja },
      { from: ['pending'], steps: CANCELLABLE_STEPS },
      // Followers reload the rows once the import settles; an event per skipped row only slowed this down.
      false,
    );
    skipped += changed.length;
    // One script per chunk; a job that is running stays and finds its row final.
    await removeWaitingJobs(queue, changed.map(({ row, gen }) => rowJobId(importId, row, gen)));
  }
  return skipped;
}
