import type { CanonicalKey } from '../../shared/customer/canonical-keys.ts';
import type { Language } from '../../shared/i18n/localized-message.ts';
import type { ResultsFileKind } from '../../shared/imports/write-results-csv.ts';
import type { CloudName } from '../../shared/partner-center/clouds.ts';
import type {
  ImportEvent,
  ImportSummary,
  ListRowsOptions,
  RowPage,
} from '../../shared/imports/import-types.ts';

/**
 * What the HTTP API and the CLI can do with imports. Both are thin layers over this one service;
 * all state lives in Redis, so any process can serve any import.
 */
export interface ImportService {
  /** Streams the CSV through the shared reader + validator, records invalid rows at once, enqueues the rest. */
  createImport(input: CreateImportInput): Promise<ImportSummary>;
  listImports(options?: { limit?: number }): Promise<ImportSummary[]>;
  getImport(importId: string): Promise<ImportSummary | undefined>;
  listRows(importId: string, options: ListRowsOptions): Promise<RowPage>;
  /**
   * Live progress; returns an unsubscribe function. Events carry no secrets. `id` orders the
   * events of one import (an SSE `id:`): pass the last one seen to `eventsSince` to catch up.
   */
  subscribe(importId: string, listener: (event: ImportEvent, id: string) => void): Promise<() => void>;
  /** The events after `lastEventId` (a client's `Last-Event-ID`); `complete: false` when some are no longer kept. */
  eventsSince(importId: string, lastEventId: string): Promise<{ events: { id: string; event: ImportEvent }[]; complete: boolean }>;
  /** The id of the import's latest event (`0-0` before any): a snapshot read after it is at least that recent. */
  latestEventId(importId: string): Promise<string>;
  /** The results file (docs/contracts/csv.md §5), the failed-rows file or the cancelled rows, as a stream of UTF-8 bytes with BOM. */
  resultsCsv(importId: string, kind: ResultsFileKind, language: Language): AsyncIterable<Uint8Array>;
  /** The latest import of a file with these bytes (SHA-256 hex), while it is kept. */
  findImportOfFile(contentHash: string): Promise<ImportSummary | undefined>;
  /** The folder of the file the CLI imported, when the CLI imported it. */
  sourceDirOf(importId: string): Promise<string | undefined>;
  /** Continues a stopped import: the rows a cancel skipped run again, and every pending row gets its job back. */
  resume(importId: string): Promise<{ requeued: number; pending: number }>;
  /** Re-queues the `failed` rows; returns how many. */
  retryFailed(importId: string): Promise<number>;
  /** Queued rows end `skipped` (error_code `cancelled`); returns how many. */
  cancel(importId: string): Promise<number>;
  /** The admin password of a created row, once; later calls (and rows without one) return undefined. */
  revealPassword(importId: string, row: number): Promise<{ adminUser: string; password: string } | undefined>;
}

/**
 * A CSV file's bytes, read with the shared reader (encoding/delimiter detection included): the CLI's
 * file, an API upload and the side panel's upload all take this one path from bytes to rows.
 */
export interface CreateImportSource {
  kind: 'csv';
  fileName: string;
  bytes: AsyncIterable<Uint8Array>;
  /** Overrides detection (the side panel sends the one its preview used: the CP932/Windows-1252 `?` rule follows it). */
  encoding?: string;
  /** Overrides the automatic header mapping: the person's mapping from the side panel's preview. */
  keys?: (CanonicalKey | null)[];
}

export interface CreateImportInput {
  source: CreateImportSource;
  dryRun: boolean;
  cloud: CloudName;
  /** Who queues it (an API token's name, `cli:<user>`), recorded on the import and the ledger. */
  queuedBy?: string;
  /** SHA-256 (hex) of the file's bytes, so that running the same file again is recognised. */
  contentHash?: string;
  /** The folder of the file the CLI read: `results` writes there again later. */
  sourceDir?: string;
  /**
   * Orders file: apply it even though an earlier import of the same bytes applied its rows
   * (docs/contracts/csv.md §6; CLI `--again`, API multipart field `again=true`).
   */
  again?: boolean;
  /** Told after every batch of rows read and checked, then of rows queued (a big file takes a while). */
  onProgress?: (progress: CreateImportProgress) => void;
}

/** `rows` read and recorded so far; `batch` rows per report. */
export type CreateImportProgress = { phase: 'reading'; rows: number; batch: number };

