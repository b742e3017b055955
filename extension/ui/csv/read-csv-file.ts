import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import type { CsvHeaderInfo, CsvRow } from '../../../shared/csv/csv-row.ts';
import { isCsvFileError, type CsvFileError } from '../../../shared/csv/csv-file-error.ts';
import { openCustomerCsv } from '../../../shared/csv/open-customer-csv.ts';

/** A whole CSV read in the browser by the shared reader: the header, every row classified, blank lines. */
export interface ReadCsvFile {
  fileName: string;
  header: CsvHeaderInfo;
  rows: CsvRow[];
  blankLines: number;
}

/** The header as read when the reader refused the file for its mapping, so the person can map it by hand. */
export interface UnmappedHeader {
  columns: string[];
  keys: (CanonicalKey | null)[];
}

export type ReadCsvResult = { ok: true; file: ReadCsvFile } | { ok: false; error: CsvFileError; header?: UnmappedHeader };

export interface ReadCsvOptions {
  /** The encoding drop-down's choice; undefined = detect. */
  encoding?: string;
  /** The mapping preview's choice; undefined = automatic. */
  keys?: (CanonicalKey | null)[];
}

/**
 * Reads a file chosen or dropped in the panel with the same reader the worker uses, so the
 * preview shows exactly what an import will see. The file is small enough to hold (a panel user
 * picks it by hand); queueing uploads the same bytes, which the worker reads with the same reader.
 */
export async function readCsvFile(file: Blob & { name?: string }, options: ReadCsvOptions = {}): Promise<ReadCsvResult> {
  try {
    const csv = await openCustomerCsv(blobBytes(file), options);
    const rows: CsvRow[] = [];
    for await (const row of csv.rows()) rows.push(row);
    return { ok: true, file: { fileName: file.name ?? 'customers.csv', header: csv.header, rows, blankLines: csv.blankLines } };
  } catch (error) {
    if (!isCsvFileError(error)) throw error;
    // A missing or doubled column is fixed in the mapping preview: the reader's error carries the
    // header it read (and the mapping it checked), so the file is not read a second time for it.
    const fixableByMapping = error.reason === 'missing_column' || error.reason === 'duplicate_column';
    return fixableByMapping && error.header
      ? { ok: false, error, header: { columns: error.header.columns, keys: error.header.keys } }
      : { ok: false, error };
  }
}

// Blob.stream() exists in browsers and Node; reading the bytes once keeps happy-dom's Blob happy too.
export async function* blobBytes(file: Blob): AsyncIterable<Uint8Array> {
  yield new Uint8Array(await file.arrayBuffer());
}
