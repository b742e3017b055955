import type { CanonicalKey } from '../customer/canonical-keys.ts';
import type { CsvHeaderInfo, CsvRow } from './csv-row.ts';

export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export interface OpenCustomerCsvOptions {
  /** Overrides detection: `utf-8`, `utf-16le`, `utf-16be`, `shift_jis` (CP932), `windows-1252`. */
  encoding?: string;
  /** Overrides the automatic header mapping (same length as the header). */
  keys?: (CanonicalKey | null)[];
  /** The current time for the MCA date rule; injected by tests. */
  now?: Date;
}

/** An opened customer CSV: the header is known, the rows stream on demand. */
export interface CustomerCsv {
  header: CsvHeaderInfo;
  /** The data rows in file order. Call once. */
  rows(): AsyncIterable<CsvRow>;
  /** Blank lines seen (csv-format.md §2); final once `rows()` is consumed. */
  readonly blankLines: number;
}

/**
 * Opens a customer CSV (csv-format.md §1–§3) from a byte stream with constant memory.
 * Throws `CsvFileError` when the file as a whole is refused.
 */
export async function openCustomerCsv(_source: ByteSource, _options: OpenCustomerCsvOptions = {}): Promise<CustomerCsv> {
  throw new Error('openCustomerCsv: not implemented yet');
}
