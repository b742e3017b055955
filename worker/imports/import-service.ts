import type { CsvHeaderInfo } from '../../shared/csv/csv-row.ts';
import type { RowStatus } from '../../shared/csv/row-status.ts';
import type { ErrorCode } from '../../shared/errors/error-codes.ts';
import type { CanonicalKey } from '../../shared/customer/canonical-keys.ts';
import type { Language } from '../../shared/i18n/localized-message.ts';
import type { CloudName } from '../../shared/partner-center/clouds.ts';

/**
 * What the HTTP API and the CLI can do with imports. Both are thin layers over this one service
 * (STYLE.md §8); all state lives in Redis, so any process can serve any import.
 */
export interface ImportService {
  /** Streams the CSV through the shared reader + validator, records invalid rows at once, enqueues the rest. */
  createImport(input: CreateImportInput): Promise<ImportSummary>;
  listImports(options?: { limit?: number }): Promise<ImportSummary[]>;
  getImport(importId: string): Promise<ImportSummary | undefined>;
  listRows(importId: string, options: ListRowsOptions): Promise<RowPage>;
  /** Live progress; returns an unsubscribe function. Events carry no secrets. */
  subscribe(importId: string, listener: (event: ImportEvent) => void): Promise<() => void>;
  /** The results file (csv-format.md §5) as a stream of UTF-8 bytes with BOM. */
  resultsCsv(importId: string, kind: 'results' | 'failed', language: Language): AsyncIterable<Uint8Array>;
  /** Re-queues the `failed` rows; returns how many. */
  retryFailed(importId: string): Promise<number>;
  /** Queued rows end `skipped` (error_code `cancelled`); returns how many. */
  cancel(importId: string): Promise<number>;
  /** The admin password of a created row, once; later calls return undefined. */
  revealPassword(importId: string, row: number): Promise<{ adminUser: string; password: string } | undefined>;
}

export type CreateImportSource =
  /** A CSV file's bytes, read with the shared reader (encoding/delimiter detection included). */
  | { kind: 'csv'; fileName: string; bytes: AsyncIterable<Uint8Array>; encoding?: string; keys?: (CanonicalKey | null)[] }
  /** Rows already split by the extension's reader; re-validated here, never trusted. */
  | { kind: 'rows'; fileName: string; columns: string[]; keys?: (CanonicalKey | null)[]; rows: { row: number; line: number; cells: string[] }[] };

export interface CreateImportInput {
  source: CreateImportSource;
  dryRun: boolean;
  cloud: CloudName;
}

export type ImportState = 'validating' | 'queued' | 'running' | 'done' | 'cancelled';

export type StatusCounts = Record<RowStatus | 'pending', number>;

export interface ImportSummary {
  id: string;
  fileName: string;
  createdAt: string;
  dryRun: boolean;
  cloud: CloudName;
  state: ImportState;
  header: Pick<CsvHeaderInfo, 'columns' | 'keys' | 'encoding' | 'delimiter'>;
  /** Data rows (blank lines excluded). */
  total: number;
  blankLines: number;
  counts: StatusCounts;
}

export interface RowResult {
  row: number;
  line: number;
  status: RowStatus | 'pending';
  customerId?: string;
  adminUser?: string;
  orders?: string[];
  relationshipUrl?: string;
  errorCode?: ErrorCode;
  errorField?: CanonicalKey;
  /** Sentences in EN and JA; pick one at the edge. */
  error?: { en: string; ja: string };
  /** True while an unrevealed password is stored for the row. */
  passwordAvailable?: boolean;
}

export interface ListRowsOptions {
  status?: RowStatus | 'pending';
  /** Opaque; from the previous page's `nextCursor`. */
  cursor?: string;
  limit?: number;
}

export interface RowPage {
  items: RowResult[];
  nextCursor?: string;
}

/** The typed event map shared by the API's SSE stream, the CLI and the side panel. */
export type ImportEvent =
  /** A row reached its final status (or was re-queued by retry: status `pending`). */
  | { type: 'row'; importId: string; result: RowResult }
  /** Counts changed. */
  | { type: 'progress'; importId: string; counts: StatusCounts; state: ImportState }
  /** Every row has a final status. */
  | { type: 'drained'; importId: string; counts: StatusCounts };
