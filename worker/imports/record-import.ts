import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { CsvRow } from '../../shared/csv/csv-row.ts';
import { mapHeader } from '../../shared/csv/map-header.ts';
import { openCustomerCsv, type CustomerCsv } from '../../shared/csv/open-customer-csv.ts';
import type { ImportSummary } from '../../shared/imports/import-types.ts';
import type { RowJobData } from '../processor/process-row.ts';
import { enqueueRows } from '../queue/row-queue.ts';
import type { ImportStore, NewRow } from '../store/create-import-store.ts';
import type { RowState } from '../store/row-state.ts';
import type { CreateImportInput } from './import-service.ts';

const BATCH = 500;

export interface RecordImportDeps {
  store: ImportStore;
  queue: Queue<RowJobData>;
  /** Injected by tests (MCA date rule). */
  now?: () => Date;
}

/**
 * Creates an import: reads the whole file through the shared reader and classifier into Redis
 * first (invalid and duplicate rows get their final status at once), and only then enqueues the
 * valid rows in chunks, so a file refused half-way queues nothing. Every source (the CLI's file, an
 * API or side-panel upload) is bytes read by `openCustomerCsv`, which throws `CsvFileError` for a
 * refused file. Memory stays flat: rows go to Redis in batches and the queue is fed from the
 * pending set.
 */
export async function recordImport(deps: RecordImportDeps, input: CreateImportInput): Promise<ImportSummary> {
  const { store } = deps;
  const now = deps.now?.() ?? new Date();
  const opened = await openSource(input, now);
  const importId = randomUUID();
  await store.createImport({
    id: importId,
    fileName: input.source.fileName,
    createdAt: now.toISOString(),
    dryRun: input.dryRun,
    cloud: input.cloud,
    header: opened.header,
    ...(input.queuedBy ? { queuedBy: input.queuedBy } : {}),
    ...(input.contentHash ? { contentHash: input.contentHash } : {}),
    ...(input.sourceDir ? { sourceDir: input.sourceDir } : {}),
  });
  let total = 0;
  try {
    let batch: NewRow[] = [];
    for await (const row of opened.rows()) {
      batch.push(toNewRow(row));
      total++;
      if (batch.length >= BATCH) {
        await store.recordRows(importId, batch);
        batch = [];
        input.onProgress?.({ phase: 'reading', rows: total, batch: BATCH });
      }
    }
    await store.recordRows(importId, batch);
    input.onProgress?.({ phase: 'reading', rows: total, batch: BATCH });
  } catch (error) {
    await store.deleteImport(importId);
    throw error;
  }
  let after = 0;
  let queued = 0;
  const toQueue = input.onProgress ? ((await store.readCounts(importId))?.counts.pending ?? 0) : 0;
  for (;;) {
    const rows = await store.rowsWithStatus(importId, 'pending', after, BATCH);
    if (rows.length === 0) break;
    await enqueueRows(deps.queue, rows.map((row) => ({ importId, row, gen: 0 })), BATCH);
    after = rows.at(-1)!;
    queued += rows.length;
    input.onProgress?.({ phase: 'queueing', queued, total: Math.max(queued, toQueue) });
  }
  await store.seal(importId, total, opened.blankLines, omittedColumns(opened));
  return (await store.getSummary(importId))!;
}

async function openSource(input: CreateImportInput, now: Date): Promise<CustomerCsv> {
  const { source } = input;
  return openCustomerCsv(source.bytes, {
    now,
    cloud: input.cloud,
    ...(source.encoding ? { encoding: source.encoding } : {}),
    ...(source.keys ? { keys: source.keys } : {}),
  });
}

/**
 * Columns the results files leave out: empty unnamed ones, and the `pc_*` result columns of an
 * earlier run (a re-imported failed-rows file gets one fresh pair of error columns, not a second).
 */
function omittedColumns(opened: CustomerCsv): number[] {
  const columns = new Set([...opened.emptyUnnamedColumns, ...mapHeader(opened.header.columns).resultColumns]);
  return [...columns].sort((a, b) => a - b);
}

function toNewRow(row: CsvRow): NewRow {
  const base = { row: row.row, line: row.line, step: 'queued' as const, gen: 0 };
  if (row.outcome.ok) {
    return { state: { ...base, status: 'pending' }, cells: row.cells, record: row.outcome.record };
  }
  const { problem, status } = row.outcome;
  const state: RowState = { ...base, status, errorCode: problem.code, errorEn: problem.message.en, errorJa: problem.message.ja };
  if (problem.field) state.errorField = problem.field;
  // A skipped duplicate keeps its record: it takes the domain over if the row holding it turns out invalid.
  return row.outcome.status === 'skipped' ? { state, cells: row.cells, record: row.outcome.record } : { state, cells: row.cells };
}
