import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import type { CsvHeaderInfo, CsvRow } from '../../../shared/csv/csv-row.ts';
import { isCsvFileError, type CsvFileError } from '../../../shared/csv/csv-file-error.ts';
import { decodeByteStream } from '../../../shared/csv/decode-byte-stream.ts';
import { mapHeader } from '../../../shared/csv/map-header.ts';
import { openCustomerCsv } from '../../../shared/csv/open-customer-csv.ts';
import { parseDelimitedText } from '../../../shared/csv/parse-delimited-text.ts';

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
 * picks it by hand); the worker re-reads and re-validates the rows it is sent.
 */
export async function readCsvFile(file: Blob & { name?: string }, options: ReadCsvOptions = {}): Promise<ReadCsvResult> {
  try {
    const csv = await openCustomerCsv(blobBytes(file), options);
    const rows: CsvRow[] = [];
    for await (const row of csv.rows()) rows.push(row);
    return { ok: true, file: { fileName: file.name ?? 'customers.csv', header: csv.header, rows, blankLines: csv.blankLines } };
  } catch (error) {
    if (!isCsvFileError(error)) throw error;
    // A missing or doubled column is fixed in the mapping preview, so it needs the header anyway.
    const fixableByMapping = error.reason === 'missing_column' || error.reason === 'duplicate_column';
    const header = fixableByMapping ? await readHeaderOnly(file, options) : undefined;
    return header ? { ok: false, error, header } : { ok: false, error };
  }
}

async function readHeaderOnly(file: Blob, options: ReadCsvOptions): Promise<UnmappedHeader | undefined> {
  try {
    const decoded = await decodeByteStream(blobBytes(file), options.encoding);
    let text = '';
    for await (const chunk of decoded.chunks) text += chunk;
    const columns = parseDelimitedText(text).rows.find((cells) => cells.some((cell) => cell.trim() !== ''));
    if (!columns) return undefined;
    const keys = options.keys && options.keys.length === columns.length ? options.keys : mapHeader(columns).keys;
    return { columns, keys };
  } catch {
    return undefined; // the reader's own error already says what is wrong
  }
}

// Blob.stream() exists in browsers and Node; reading the bytes once keeps happy-dom's Blob happy too.
export async function* blobBytes(file: Blob): AsyncIterable<Uint8Array> {
  yield new Uint8Array(await file.arrayBuffer());
}
