import type { CreateImportInput, ImportService } from '../../../worker/imports/import-service.ts';
import type { ImportEvent, ImportSummary, RowResult, StatusCounts } from '../../../shared/imports/import-types.ts';
import { ImportNotFoundError } from '../../../worker/errors/import-not-found-error.ts';
import { CsvFileError } from '../../../shared/csv/csv-file-error.ts';
import type { RowStatus } from '../../../shared/status/row-status.ts';
import { rowBelongsTo, type ResultsFileKind } from '../../../shared/imports/write-results-csv.ts';

/**
 * An in-memory ImportService for the API's own unit tests only (routing, auth, problems, SSE
 * framing). The end-to-end tests run against the real service on Redis and the sandbox.
 */
export class FakeImportService implements ImportService {
  readonly imports = new Map<string, { summary: ImportSummary; rows: RowResult[]; secrets: Map<number, string> }>();
  readonly created: CreateImportInput[] = [];
  private readonly listeners = new Map<string, Set<(event: ImportEvent, id: string) => void>>();
  /** Every emitted event with its id (`<n>-0`), like the real service's event log. */
  readonly log: { importId: string; id: string; event: ImportEvent }[] = [];
  /** Test control: events at or before this id count as trimmed from the log. */
  trimmedThrough = '0-0';
  private nextId = 1;

  async createImport(input: CreateImportInput): Promise<ImportSummary> {
    this.created.push(input);
    const chunks: Uint8Array[] = [];
    for await (const chunk of input.source.bytes) chunks.push(chunk);
    const lines = Buffer.concat(chunks).toString('utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
    const columns = (lines[0] ?? '').split(',');
    const rowCount = Math.max(0, lines.length - 1);
    // A stand-in for the service's header check (shared checkHeader).
    const keys = input.source.keys;
    if (keys ? !keys.includes('company_name') : !columns.some((column) => /^company[ _]name$/i.test(column))) {
      throw new CsvFileError({
        reason: 'missing_column',
        message: {
          en: 'The required column "company_name" is missing; the closest header is "company".',
          ja: '必須の列「company_name」がありません。最も近い見出しは「company」です。',
        },
        columns: ['company_name'],
        suggestion: 'company',
      });
    }
    const id = `imp-${this.nextId++}`;
    const rows: RowResult[] = Array.from({ length: rowCount }, (_, index) => ({ row: index + 1, line: index + 2, status: 'pending' }));
    const summary: ImportSummary = {
      id,
      fileName: input.source.fileName,
      createdAt: '2026-11-25T00:00:00.000Z',
      dryRun: input.dryRun,
      cloud: input.cloud,
      state: rowCount === 0 ? 'done' : 'queued',
      header: { columns, keys: columns.map(() => null), encoding: 'utf-8', delimiter: ',' },
      total: rowCount,
      blankLines: 0,
      counts: countRows(rows),
      ...(input.queuedBy ? { queuedBy: input.queuedBy } : {}),
      ...(input.contentHash ? { contentHash: input.contentHash } : {}),
    };
    this.imports.set(id, { summary, rows, secrets: new Map() });
    return summary;
  }

  async listImports(): Promise<ImportSummary[]> {
    return [...this.imports.values()].map((entry) => entry.summary);
  }

  async getImport(importId: string): Promise<ImportSummary | undefined> {
    // A copy, as the real service reads a fresh one from Redis each time.
    const summary = this.imports.get(importId)?.summary;
    return summary && structuredClone(summary);
  }

  /** Like the real service, methods that take an import id refuse an unknown one. */
  private requireEntry(importId: string) {
    const entry = this.imports.get(importId);
    if (!entry) throw new ImportNotFoundError(importId);
    return entry;
  }

  async listRows(importId: string, options: { status?: RowStatus | 'pending'; limit?: number }) {
    const rows = this.requireEntry(importId).rows;
    return { items: rows.filter((row) => !options.status || row.status === options.status).slice(0, options.limit) };
  }

  async eventsSince(importId: string, lastEventId: string) {
    this.requireEntry(importId);
    const seq = Number(/^(\d+)-0$/.exec(lastEventId)?.[1] ?? Number.NaN);
    if (!(seq >= Number(this.trimmedThrough.split('-')[0]))) return { events: [], complete: false };
    const events = this.log.filter((entry) => entry.importId === importId && Number(entry.id.split('-')[0]) > seq);
    return { events: events.map(({ id, event }) => ({ id, event })), complete: true };
  }

  async latestEventId(importId: string): Promise<string> {
    return this.log.filter((entry) => entry.importId === importId).at(-1)?.id ?? '0-0';
  }

  async subscribe(importId: string, listener: (event: ImportEvent, id: string) => void): Promise<() => void> {
    this.requireEntry(importId);
    const set = this.listeners.get(importId) ?? new Set();
    set.add(listener);
    this.listeners.set(importId, set);
    return () => set.delete(listener);
  }

  listenerCount(importId: string): number {
    return this.listeners.get(importId)?.size ?? 0;
  }

  /** Test control: a row reaches its final status; events go out like the real service's. */
  finishRow(importId: string, row: number, status: RowStatus, password?: string): void {
    const entry = this.imports.get(importId);
    if (!entry) throw new Error(`no import ${importId}`);
    const result = entry.rows[row - 1];
    if (!result) throw new Error(`no row ${row}`);
    result.status = status;
    if (password) {
      entry.secrets.set(row, password);
      result.adminUser = `admin@row${row}.onmicrosoft.com`;
      result.passwordAvailable = true;
    }
    entry.summary.counts = countRows(entry.rows);
    const finished = entry.summary.counts.pending === 0;
    entry.summary.state = finished ? 'done' : 'running';
    this.emit(importId, { type: 'row', importId, result: { ...result } });
    this.emit(importId, { type: 'progress', importId, counts: entry.summary.counts, state: entry.summary.state });
    if (finished) this.emit(importId, { type: 'drained', importId, counts: entry.summary.counts });
  }

  async *resultsCsv(importId: string, kind: ResultsFileKind, language: 'en' | 'ja'): AsyncIterable<Uint8Array> {
    const entry = this.imports.get(importId);
    yield new TextEncoder().encode(`\uFEFFpc_row,pc_status,kind,lang\r\n`);
    for (const row of entry?.rows ?? []) {
      if (!rowBelongsTo(kind, row)) continue;
      yield new TextEncoder().encode(`${row.row},${row.status},${kind},${language}\r\n`);
    }
  }

  async findImportOfFile(contentHash: string): Promise<ImportSummary | undefined> {
    return [...this.imports.values()].map((entry) => entry.summary).findLast((summary) => summary.contentHash === contentHash);
  }

  async sourceDirOf(): Promise<string | undefined> {
    return undefined;
  }

  async resume(importId: string): Promise<{ requeued: number; pending: number }> {
    const entry = this.requireEntry(importId);
    const cancelled = entry.rows.filter((row) => row.status === 'skipped' && row.errorCode === 'cancelled');
    for (const row of cancelled) {
      row.status = 'pending';
      delete row.errorCode;
    }
    entry.summary.counts = countRows(entry.rows);
    return { requeued: cancelled.length, pending: entry.summary.counts.pending };
  }

  async retryFailed(importId: string): Promise<number> {
    return this.requireEntry(importId).rows.filter((row) => row.status === 'failed').length;
  }

  async cancel(importId: string): Promise<number> {
    const pending = this.requireEntry(importId).rows.filter((row) => row.status === 'pending');
    for (const row of pending) this.finishRow(importId, row.row, 'skipped');
    return pending.length;
  }

  async revealPassword(importId: string, row: number) {
    const entry = this.requireEntry(importId);
    const password = entry.secrets.get(row);
    if (password === undefined) return undefined;
    entry.secrets.delete(row);
    return { adminUser: `admin@row${row}.onmicrosoft.com`, password };
  }

  private emit(importId: string, event: ImportEvent): void {
    const id = `${this.log.length + 1}-0`;
    this.log.push({ importId, id, event });
    for (const listener of this.listeners.get(importId) ?? []) listener(event, id);
  }
}

function countRows(rows: RowResult[]): StatusCounts {
  const counts: StatusCounts = { pending: 0, created: 0, exists: 0, invalid: 0, failed: 0, skipped: 0, ready: 0, ordered: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}
