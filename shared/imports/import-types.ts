import type { CsvHeaderInfo } from '../csv/csv-row.ts';
import type { RowStatus } from '../status/row-status.ts';
import type { ErrorCode } from '../errors/error-codes.ts';
import type { ErrorField } from '../customer/canonical-keys.ts';
import type { CloudName } from '../partner-center/clouds.ts';

/**
 * The shapes of an import as the worker API serves them and the side panel and CLI read them.
 * One definition for every side of the wire.
 */
/** The header an import was read with. */
interface ImportHeader {
  columns: CsvHeaderInfo['columns'];
  keys: CsvHeaderInfo['keys'];
  encoding: CsvHeaderInfo['encoding'];
  delimiter: CsvHeaderInfo['delimiter'];
  /** Columns with an empty header and only empty cells: left out of the results files (docs/contracts/csv.md §3). */
  omitColumns?: number[];
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
  header: ImportHeader;
  /** Data rows (blank lines excluded). */
  total: number;
  blankLines: number;
  counts: StatusCounts;
  /** Who queued it: the name of the API token, or `cli:<user>` for the command line. */
  queuedBy?: string;
  /** SHA-256 (hex) of the file's bytes, when the CLI read it: re-running the same file is recognised. */
  contentHash?: string;
  /** A customers file or an orders file (docs/contracts/csv.md §6). Absent: customers (imports recorded before orders existed). */
  kind?: ImportKind;
  /**
   * An earlier import (not a dry run) of an orders file with the same bytes: its applied rows end
   * `skipped` unless the import was created with `again` (docs/contracts/csv.md §6).
   */
  earlierImport?: { id: string; createdAt: string; queuedBy?: string };
}

/** What a file holds: new customers, or licences for existing ones (docs/contracts/csv.md §6). */
export type ImportKind = 'customers' | 'orders';

export interface RowResult {
  row: number;
  line: number;
  status: RowStatus | 'pending';
  customerId?: string;
  adminUser?: string;
  orders?: string[];
  relationshipUrl?: string;
  errorCode?: ErrorCode;
  errorField?: ErrorField;
  /** Sentences in EN and JA; pick one at the edge. */
  error?: { en: string; ja: string };
  /** What the user should know that is not an error (docs/contracts/csv.md §5 `pc_note`), EN and JA. */
  note?: { en: string; ja: string };
  /** True while an unrevealed password is stored for the row. */
  passwordAvailable?: boolean;
  /** Orders file: what each item does or did ("raise … from 10 to 15", "buy a new subscription"), one sentence per item, EN and JA. */
  plan?: { en: string; ja: string }[];
  /** Orders file, once `ordered`: the `pc_subscriptions` cell (`ID:OLD→NEW` or `ID:+N` per item, `;`-separated). */
  subscriptions?: string;
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

/**
 * Why an unfinished import waits, as its summary's `paused` field (the side panel shows
 * `message` in its language; `reason` names the sign-in). No row fails while it is set.
 */
export interface ImportPause {
  reason: 'sign-in-required';
  message: { en: string; ja: string };
}

export type PausableSummary = ImportSummary & { paused?: ImportPause };
