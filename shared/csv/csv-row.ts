import type { CanonicalKey } from '../customer/canonical-keys.ts';
import type { CustomerRecord, RowProblem } from '../customer/customer-record.ts';

/** What the reader decided about a row before any call to Partner Center. */
type RowOutcome =
  | { ok: true; record: CustomerRecord }
  | { ok: false; status: 'invalid'; problem: RowProblem }
  /**
   * A valid row whose domain an earlier valid row holds. It keeps its record: if that earlier row
   * turns out invalid later (address check), the domain passes to this row.
   */
  | { ok: false; status: 'skipped'; problem: RowProblem; record: CustomerRecord };

/** One data row as read: numbering per docs/contracts/csv.md §2, the original cells, and its outcome. */
export interface CsvRow {
  /** 1 = first data row; blank rows take no number. */
  row: number;
  /** The physical line where the row starts (the header is line 1 when the file starts with it). */
  line: number;
  /** The original cells exactly as read (untrimmed), one per header column. */
  cells: string[];
  outcome: RowOutcome;
}

/** What the reader learned from the header line. */
export interface CsvHeaderInfo {
  /** The header cells as read. */
  columns: string[];
  /** For each column, the canonical key it maps to, or null (unknown, `pc_*`, or ignored). */
  keys: (CanonicalKey | null)[];
  /** The encoding used to decode the bytes, e.g. `utf-8`, `utf-16le`, `shift_jis`, `windows-1252`. */
  encoding: string;
  delimiter: ',' | ';' | '\t';
}
