import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { CsvRow } from '../../shared/csv/csv-row.ts';
import { mapHeader } from '../../shared/csv/map-header.ts';
import { openCustomerCsv } from '../../shared/csv/open-customer-csv.ts';
import { trackEmptyUnnamedColumns } from '../../shared/csv/empty-unnamed-columns.ts';
import type { ImportKind, ImportSummary } from '../../shared/imports/import-types.ts';
import { openOrdersFile } from '../../shared/orders/read-orders-file.ts';
import { sniffImportKind } from './sniff-import-kind.ts';
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
 * first window of valid rows, so a file refused half-way queues nothing. Every source (the CLI's
 * file, an API or side-panel upload) is bytes: a customer file is read by `openCustomerCsv`, an
 * orders file by the orders reader, and either throws `CsvFileError` for a refused file. Memory
 * stays flat: rows go to Redis in batches and the queue is fed from the pending set a window at a time.
 */
export async function recordImport(deps: RecordImportDeps, input: CreateImportInput): Promise<ImportSummary> {
  const { store } = deps;
  const now = deps.now?.() ?? new Date();
  const opened = await openSource(input, now);
  const importId = randomUUID();
  const earlierImport = opened.kind === 'orders' && input.contentHash ? await store.findOrdersFile(input.contentHash) : undefined;
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
    ...(opened.kind === 'orders' ? { kind: 'orders' as const, ...(input.again ? { again: true } : {}) } : {}),
    ...(earlierImport ? { earlierImport } : {}),
  });
  if (opened.kind === 'orders' && input.contentHash && !input.dryRun) {
    await store.rememberOrdersFile(input.contentHash, { id: importId, createdAt: now.toISOString(), ...(input.queuedBy ? { queuedBy: input.queuedBy } : {}) });
  }
  let total = 0;
  try {
    let batch: NewRow[] = [];
    for await (const row of opened.rows) {
      batch.push(row);
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
  kind: ImportKind;
  header: ImportSummary['header'];
  rows: AsyncIterable<NewRow> | Iterable<NewRow>;
  blankLines(): number;
  /** Columns the results files leave out (docs/contracts/csv.md §3); final once `rows` is consumed. */
  emptyUnnamedColumns(): number[];
}

async function openSource(input: CreateImportInput, now: Date): Promise<OpenedSource> {
  const { source } = input;
  // A column mapping is the person's for a customer file (the mapping preview): read it as one.
  const sniffed = source.keys ? { kind: 'customers' as const, bytes: source.bytes } : await sniffImportKind(source.bytes, source.encoding);
  if (sniffed.kind === 'orders') return openOrdersSource(sniffed.bytes, source.encoding);
  const csv = await openCustomerCsv(sniffed.bytes, {
    now,
    cloud: input.cloud,
    ...(source.encoding ? { encoding: source.encoding } : {}),
    ...(source.keys ? { keys: source.keys } : {}),
  });
  return {
    kind: 'customers',
    header: { columns: csv.header.columns, keys: csv.header.keys, encoding: csv.header.encoding, delimiter: csv.header.delimiter },
    rows: mapRows(csv.rows(), toNewRow),
    blankLines: () => csv.blankLines,
    emptyUnnamedColumns: () => csv.emptyUnnamedColumns,
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

/**
 * An orders file (docs/contracts/csv.md §6), streamed by its own reader like a customer file:
 * each valid row is recorded with its validated order, each invalid one with its final status.
 */
async function openOrdersSource(bytes: AsyncIterable<Uint8Array>, encoding: string | undefined): Promise<OpenedSource> {
  const file = await openOrdersFile(bytes, encoding ? { encoding } : {});
  const emptyUnnamed = trackEmptyUnnamedColumns(file.columns);
  return {
    kind: 'orders',
    // Only the columns a customer file shares (offers, term, billing_cycle) have a canonical key.
    header: { columns: file.columns, keys: file.keys.map((key) => (key === 'offers' || key === 'term' || key === 'billing_cycle' ? key : null)), encoding: file.encoding, delimiter: file.delimiter },
    rows: mapRows(file.rows(), (row): NewRow => {
      emptyUnnamed.observe(row.cells);
      const base = { row: row.row, line: row.line, step: 'queued' as const, gen: 0 };
      if (row.outcome.ok) return { state: { ...base, status: 'pending' }, cells: row.cells, record: row.outcome.order };
      const { problem } = row.outcome;
      return { state: { ...base, status: 'invalid', errorCode: problem.code, errorEn: problem.message.en, errorJa: problem.message.ja, ...(problem.field ? { errorField: problem.field } : {}) }, cells: row.cells };
    }),
    blankLines: () => file.blankLines,
    emptyUnnamedColumns: () => emptyUnnamed.columns(),
  };
}

async function* mapRows<T, U>(rows: AsyncIterable<T>, map: (row: T) => U): AsyncGenerator<U> {
  for await (const row of rows) yield map(row);
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
