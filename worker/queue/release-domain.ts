import type { Queue } from 'bullmq';
import { duplicateDomainProblem } from '../../shared/csv/create-row-classifier.ts';
import type { RowJobData } from '../processor/process-row.ts';
import type { ImportStore } from '../store/create-import-store.ts';
import { enqueueRows } from './row-queue.ts';

const CHUNK = 500;

/**
 * A row that ends `invalid` claims no domain (docs/contracts/csv.md §5). When such a row
 * held a domain that later rows were skipped for, the first of them is queued in its place and
 * the others now name that row. Call it before the invalid row's final status is written, so the
 * import never looks drained in between. Returns the row that took the domain over, if any.
 */
export async function releaseDomain(store: ImportStore, queue: Queue<RowJobData>, importId: string, row: number): Promise<number | undefined> {
  const domain = (await store.getRecord(importId, row))?.domain;
  if (!domain) return undefined;
  const skipped = await skippedForDomain(store, importId, row, domain);
  const [heir, ...others] = skipped;
  if (heir === undefined) return undefined;
  const requeued = await store.transitionMany(
    importId,
    [heir],
    { status: 'pending', errorCode: null, errorField: null, errorEn: null, errorJa: null },
    { from: ['skipped'], bumpGen: true },
  );
  await enqueueRows(queue, requeued.map((changed) => ({ importId, row: changed.row, gen: changed.gen })), CHUNK);
  const { message } = duplicateDomainProblem(domain, heir);
  for (const other of others) {
    await store.transition(importId, other, { status: 'skipped', errorEn: message.en, errorJa: message.ja }, { from: ['skipped'] });
  }
  return requeued.length > 0 ? heir : undefined;
}

/** The rows after `row` that were skipped because of `domain`, in row order. */
async function skippedForDomain(store: ImportStore, importId: string, row: number, domain: string): Promise<number[]> {
  const found: number[] = [];
  for (let after = row; ; ) {
    const rows = await store.rowsWithStatus(importId, 'skipped', after, CHUNK);
    if (rows.length === 0) return found;
    for (const candidate of rows) {
      const state = await store.getRow(importId, candidate);
      if (state?.errorCode !== 'duplicate_domain') continue;
      if ((await store.getRecord(importId, candidate))?.domain === domain) found.push(candidate);
    }
    after = rows.at(-1)!;
  }
}
