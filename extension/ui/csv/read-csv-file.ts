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

export type ReadCsvResult = { ok: true; file: ReadCsvFile } | { ok: false; error: CsvFileError };

export interface ReadCsvOptions {
  /** The encoding drop-down's choice; undefined = detect. */
  encoding?: string;
  /** The mapping preview's choice; undefined = automatic. */
  keys?: (CanonicalKey | null)[];
}

/**
 * Reads a file chosen or dropped in the panel with the same reader the worker uses, so the
 * preview shows exactly what an import will see. The file is small enough to hold (a panel user
 * picks it by hand); the worker re-reads and re-validates the rows it is sent.
 */
export async function readCsvFile(file: Blob & { name?: string }, options: ReadCsvOptions = {}): Promise<ReadCsvResult> {
  try {
    const csv = await openCustomerCsv(blobBytes(file), options);
    const rows: CsvRow[] = [];
    for await (const row of csv.rows()) rows.push(row);
    return { ok: true, file: { fileName: file.name ?? 'customers.csv', header: csv.header, rows, blankLines: csv.blankLines } };
  } catch (error) {
    if (isCsvFileError(error)) return { ok: false, error };
    throw error;
  }
}

// Blob.stream() exists in browsers and Node; reading the bytes once keeps happy-dom's Blob happy too.
async function* blobBytes(file: Blob): AsyncIterable<Uint8Array> {
  yield new Uint8Array(await file.arrayBuffer());
}
