import type { Queue } from 'bullmq';
import { rowBelongsTo, writeResultsCsv, type ResultsCsvRow, type ResultsFileKind } from '../../shared/imports/write-results-csv.ts';
import type { ImportSummary, RowPage, RowResult } from '../../shared/imports/import-types.ts';
import { ImportNotFoundError } from '../errors/import-not-found-error.ts';
import type { RowJobData } from '../processor/process-row.ts';
import type { PasswordVault } from '../secrets/password-vault.ts';
import type { CloudName } from '../../shared/partner-center/clouds.ts';
import { cancelImport } from './cancel-import.ts';
import { checkImportCloud } from './check-import-cloud.ts';
import type { ImportEventBus } from '../store/events/import-event-bus.ts';
import type { ImportService } from './import-service.ts';
import { recordImport } from './record-import.ts';
import { retryFailedRows } from './retry-failed-rows.ts';
import { resumeImport } from './resume-import.ts';
import type { ImportStore } from '../store/create-import-store.ts';
import { toRowResult, type RowState } from '../store/row-state.ts';
import type { FeedWindowSize } from '../queue/row-feeder.ts';

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
const RESULTS_CHUNK = 500;

export interface ImportServiceDeps {
  store: ImportStore;
  queue: Queue<RowJobData>;
  vault: PasswordVault;
  events: ImportEventBus;
  /** When set (real Partner Center), imports must use this cloud; Germany is always refused. */
  servedCloud?: CloudName;
  /** Injected by tests. */
  now?: () => Date;
  /** The window of jobs queued per import (tests make it small). @default DEFAULT_FEED_WINDOW */
  feedWindow?: FeedWindowSize;
}

/**
 * The `ImportService` over Redis and BullMQ: what the API (`worker/api`) and the CLI call.
 * Methods that take an import id throw `ImportNotFoundError` for an unknown one, except
 * `getImport` (undefined), `latestEventId` and `sourceDirOf`. `createImport` throws
 * `UnsupportedCloudError` (→ 422) for Germany or a cloud the credentials do not serve, and the
 * reader's `CsvFileError` for a refused file.
 */
export function createImportService(deps: ImportServiceDeps): ImportService {
  const { store, queue, vault } = deps;

  async function requireImport(importId: string): Promise<ImportSummary> {
    const summary = await store.getSummary(importId);
    if (!summary) throw new ImportNotFoundError(importId);
    return summary;
  }

  async function withPasswordFlags(importId: string, states: RowState[]): Promise<RowResult[]> {
    return Promise.all(
      states.map(async (state) => (state.status === 'created' ? toRowResult(state, await vault.has(importId, state.row)) : toRowResult(state))),
    );
  }

  return {
    async createImport(input) {
      checkImportCloud(input.cloud, deps.servedCloud);
      return recordImport({ store, queue, ...(deps.now ? { now: deps.now } : {}), ...(deps.feedWindow ? { feedWindow: deps.feedWindow } : {}) }, input);
    },

    async listImports(options = {}) {
      const ids = await store.listImportIds(Math.min(options.limit ?? 50, MAX_PAGE));
      const summaries = await Promise.all(ids.map((id) => store.getSummary(id)));
      // An import whose retention ran out leaves only its id in the index: drop it there.
      await store.forgetImports(ids.filter((_, index) => summaries[index] === undefined));
      return summaries.filter((summary): summary is ImportSummary => summary !== undefined);
    },

    getImport: (importId) => store.getSummary(importId),

    async listRows(importId, options): Promise<RowPage> {
      const summary = await requireImport(importId);
      const limit = Math.max(1, Math.min(options.limit ?? DEFAULT_PAGE, MAX_PAGE));
      const after = options.cursor ? Number.parseInt(options.cursor, 10) || 0 : 0;
      let rows: number[];
      if (options.status) {
        rows = await store.rowsWithStatus(importId, options.status, after, limit + 1);
      } else {
        // Rows are numbered 1..total without gaps (blank lines take no number).
        const total = summary.state === 'validating' ? await store.countRows(importId) : summary.total;
        const last = Math.min(total, after + limit + 1);
        rows = Array.from({ length: Math.max(0, last - after) }, (_, index) => after + 1 + index);
      }
      const page = rows.slice(0, limit);
      const states = (await store.getRows(importId, page)).filter((state): state is RowState => state !== undefined);
      const items = await withPasswordFlags(importId, states);
      return rows.length > limit ? { items, nextCursor: String(page.at(-1)) } : { items };
    },

    async subscribe(importId, listener) {
      await requireImport(importId);
      return deps.events.subscribe(importId, listener);
    },

    async eventsSince(importId, lastEventId) {
      await requireImport(importId);
      return store.eventLog.since(importId, lastEventId);
    },

    latestEventId: (importId) => store.eventLog.latestId(importId),

    resultsCsv(importId, kind, language) {
      return (async function* () {
        const summary = await requireImport(importId);
        yield* writeResultsCsv(summary.header.columns, readResultRows(store, importId, summary.total, kind), {
          kind,
          language,
          omitColumns: summary.header.omitColumns ?? [],
          importKind: summary.kind ?? 'customers',
        });
      })();
    },

    async findImportOfFile(contentHash) {
      const importId = await store.findByContentHash(contentHash);
      if (importId === undefined) return undefined;
      const summary = await store.getSummary(importId);
      if (!summary) await store.forgetContentHash(contentHash);
      return summary;
    },

    sourceDirOf: (importId) => store.getMetaField(importId, 'sourceDir'),

    async resume(importId) {
      await requireImport(importId);
      return resumeImport(store, queue, importId, deps.feedWindow);
    },

    async retryFailed(importId) {
      await requireImport(importId);
      return retryFailedRows(store, queue, importId, deps.feedWindow);
    },

    async cancel(importId) {
      await requireImport(importId);
      return cancelImport(store, queue, importId);
    },

    async revealPassword(importId, row) {
      await requireImport(importId);
      const state = await store.getRow(importId, row);
      if (!state || state.status !== 'created') return undefined;
      return vault.reveal(importId, row);
    },
  };
}

async function* readResultRows(store: ImportStore, importId: string, total: number, kind: ResultsFileKind): AsyncIterable<ResultsCsvRow> {
  for (let first = 1; first <= total; first += RESULTS_CHUNK) {
    const rows = Array.from({ length: Math.min(RESULTS_CHUNK, total - first + 1) }, (_, index) => first + index);
    const [states, cells] = await Promise.all([store.getRows(importId, rows), store.getCells(importId, rows)]);
    for (let index = 0; index < rows.length; index++) {
      const state = states[index];
      if (!state) continue;
      if (!rowBelongsTo(kind, state)) continue;
      yield { cells: cells[index] ?? [], result: toRowResult(state) };
    }
  }
}
