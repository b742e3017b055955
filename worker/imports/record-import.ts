import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { checkHeader } from '../../shared/csv/check-header.ts';
import { createRowClassifier } from '../../shared/csv/create-row-classifier.ts';
import type { CsvRow } from '../../shared/csv/csv-row.ts';
import { mapHeader } from '../../shared/csv/map-header.ts';
import { openCustomerCsv } from '../../shared/csv/open-customer-csv.ts';
import { trackEmptyUnnamedColumns } from '../../shared/csv/empty-unnamed-columns.ts';
import type { ImportSummary } from '../../shared/imports/import-types.ts';
import type { RowJobData } from '../processor/process-row.ts';
import { topUpWindow, type FeedWindowSize } from '../queue/row-feeder.ts';
import type { ImportStore, NewRow } from '../store/create-import-store.ts';
import type { RowState } from '../store/row-state.ts';
import type { CreateImportInput } from './import-service.ts';

const BATCH = 500;

export interface RecordImportDeps {
  store: ImportStore;
  queue: Queue<RowJobData>;
  /** Injected by tests (MCA date rule). */
  now?: () => Date;
  /** @default DEFAULT_FEED_WINDOW */
  feedWindow?: FeedWindowSize;
}

/**
 * Creates an import: reads the whole file through the shared reader and classifier into Redis
 * first (invalid and duplicate rows get their final status at once), and only then queues the
 * first window of valid rows, so a file refused half-way queues nothing. Both sources (a CSV file, or
 * rows split by the extension) get the same file-level checks and throw the reader's
 * `CsvFileError` for a refused header. Memory stays flat: rows go to
 * Redis in batches and the queue is fed from the pending set a window at a time.
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
    for await (const row of opened.rows) {
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
  // On the feeding index before it is sealed: if this process dies now, the workers' sweep feeds it.
  await store.feed.startFeeding(importId);
  await store.seal(importId, total, opened.blankLines(), omittedColumns(opened));
  // The first window of jobs; the workers keep it topped up (worker/queue/row-feeder.ts).
  await topUpWindow(store, deps.queue, importId, deps.feedWindow);
  return (await store.getSummary(importId))!;
}

interface OpenedSource {
  header: ImportSummary['header'];
  rows: AsyncIterable<CsvRow> | Iterable<CsvRow>;
  blankLines(): number;
  /** Columns the results files leave out (docs/contracts/csv.md §3); final once `rows` is consumed. */
  emptyUnnamedColumns(): number[];
}

async function openSource(input: CreateImportInput, now: Date): Promise<OpenedSource> {
  const { source } = input;
  if (source.kind === 'csv') {
    const csv = await openCustomerCsv(source.bytes, {
      now,
      cloud: input.cloud,
      ...(source.encoding ? { encoding: source.encoding } : {}),
      ...(source.keys ? { keys: source.keys } : {}),
    });
    return {
      header: { columns: csv.header.columns, keys: csv.header.keys, encoding: csv.header.encoding, delimiter: csv.header.delimiter },
      rows: csv.rows(),
      blankLines: () => csv.blankLines,
      emptyUnnamedColumns: () => csv.emptyUnnamedColumns,
    };
  }
  // Rows split by the extension: header and rows re-checked here, never trusted. A header the
  // reader would refuse (docs/contracts/csv.md §3) is refused the same way, before anything is stored.
  const keys = source.keys ?? mapHeader(source.columns).keys;
  checkHeader(source.columns, keys, source.keys === undefined);
  const encoding = source.encoding ?? 'utf-8';
  const classify = createRowClassifier({ columns: source.columns, keys }, { now, cloud: input.cloud, encoding: () => encoding });
  const emptyUnnamed = trackEmptyUnnamedColumns(source.columns);
  return {
    header: { columns: source.columns, keys, encoding, delimiter: ',' },
    // Rows are numbered here, 1..n in the order sent: the store, the queue and the results file
    // rely on numbers without gaps or twins. The client's line is kept for the messages.
    rows: (function* () {
      let number = 0;
      for (const row of source.rows) {
        emptyUnnamed.observe(row.cells);
        yield classify(row.cells, ++number, row.line);
      }
    })(),
    blankLines: () => 0,
    emptyUnnamedColumns: () => emptyUnnamed.columns(),
  };
}

/**
 * Columns the results files leave out: empty unnamed ones, and the `pc_*` result columns of an
 * earlier run (a re-imported failed-rows file gets one fresh pair of error columns, not a second).
 */
function omittedColumns(opened: OpenedSource): number[] {
  const columns = new Set([...opened.emptyUnnamedColumns(), ...mapHeader(opened.header.columns).resultColumns]);
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
