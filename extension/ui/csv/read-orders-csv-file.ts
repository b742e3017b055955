import { isCsvFileError, type CsvFileError } from '../../../shared/csv/csv-file-error.ts';
import { decodeByteStream } from '../../../shared/csv/decode-byte-stream.ts';
import { parseDelimitedText } from '../../../shared/csv/parse-delimited-text.ts';
import { blobBytes } from './read-csv-file.ts';
import { fileKindOf } from '../../../shared/orders/order-header.ts';
import { readOrdersFile, type OrdersFile } from '../../../shared/orders/read-orders-file.ts';

/** An orders file read in the panel, with the name it was chosen under. */
export interface ReadOrdersCsvFile extends OrdersFile {
  fileName: string;
}

export type ReadOrdersCsvResult =
  /** Not an orders file: the customer reader takes it. */
  | { kind: 'customers' }
  | { kind: 'orders'; ok: true; file: ReadOrdersCsvFile }
  | { kind: 'orders'; ok: false; error: CsvFileError };

/**
 * Tells an orders file (docs/contracts/csv.md §6) from a customer file by its header line, and
 * reads an orders file with the shared orders reader, so the preview shows what the worker will
 * read from the same bytes.
 */
export async function readOrdersCsvFile(file: Blob & { name?: string }, options: { encoding?: string } = {}): Promise<ReadOrdersCsvResult> {
  const columns = await headerLine(file, options.encoding);
  if (!columns || fileKindOf(columns) !== 'orders') return { kind: 'customers' };
  try {
    const read = await readOrdersFile(blobBytes(file), options);
    return { kind: 'orders', ok: true, file: { ...read, fileName: file.name ?? 'orders.csv' } };
  } catch (error) {
    if (!isCsvFileError(error)) throw error;
    return { kind: 'orders', ok: false, error };
  }
}

async function headerLine(file: Blob, encoding: string | undefined): Promise<string[] | undefined> {
  try {
    const decoded = await decodeByteStream(blobBytes(file), encoding);
    let text = '';
    for await (const chunk of decoded.chunks) text += chunk;
    return parseDelimitedText(text).rows[0];
  } catch {
    return undefined; // undecodable: the customer reader says what is wrong
  }
}
