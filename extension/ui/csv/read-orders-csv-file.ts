import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import { isCsvFileError, type CsvFileError } from '../../../shared/csv/csv-file-error.ts';
import { decodeByteStream } from '../../../shared/csv/decode-byte-stream.ts';
import { mapHeader } from '../../../shared/csv/map-header.ts';
import { parseDelimitedText } from '../../../shared/csv/parse-delimited-text.ts';
import { fileKindOfText } from '../../../shared/orders/file-kind-of-text.ts';
import { readOrdersFile, type OrdersFile } from '../../../shared/orders/read-orders-file.ts';
import { blobBytes } from './read-csv-file.ts';

/** An orders file read in the panel, with the name it was chosen under. */
export interface ReadOrdersCsvFile extends OrdersFile {
  fileName: string;
}

export type ReadOrdersCsvResult =
  /** Not an orders file: the customer reader takes it. */
  | { kind: 'customers' }
  | { kind: 'orders'; ok: true; file: ReadOrdersCsvFile }
  | { kind: 'orders'; ok: false; error: CsvFileError };

/** Columns an orders file shares with a customer file: they alone say nothing about the kind. */
const SHARED_KEYS: ReadonlySet<CanonicalKey> = new Set(['domain', 'offers', 'term', 'billing_cycle']);

/**
 * Tells an orders file (docs/contracts/csv.md §6) from a customer file by its header line, as the
 * worker does, and reads an orders file with the shared orders reader, so the preview shows what
 * the worker will read from the same bytes.
 *
 * One exception keeps a customer file mappable: a header the orders reader refuses for a missing
 * column, but which names customer-only columns (country, email …), is a customer file whose
 * company-name header was not recognised. The customer reader then shows the mapping to fix it,
 * and the upload carries that mapping, which the worker reads as a customer file.
 */
export async function readOrdersCsvFile(file: Blob & { name?: string }, options: { encoding?: string } = {}): Promise<ReadOrdersCsvResult> {
  const head = await headText(file, options.encoding);
  if (head === undefined || fileKindOfText(head) !== 'orders') return { kind: 'customers' };
  try {
    const read = await readOrdersFile(blobBytes(file), options);
    return { kind: 'orders', ok: true, file: { ...read, fileName: file.name ?? 'orders.csv' } };
  } catch (error) {
    if (!isCsvFileError(error)) throw error;
    if (error.reason === 'missing_column' && namesCustomerOnlyColumns(head)) return { kind: 'customers' };
    return { kind: 'orders', ok: false, error };
  }
}

function namesCustomerOnlyColumns(head: string): boolean {
  const columns = parseDelimitedText(head).rows[0] ?? [];
  return mapHeader(columns).keys.some((key) => key !== null && !SHARED_KEYS.has(key));
}

/** The decoded text up to the end of the first non-blank line: enough to tell the kind, without decoding a customer file twice. */
async function headText(file: Blob, encoding: string | undefined): Promise<string | undefined> {
  try {
    const decoded = await decodeByteStream(blobBytes(file), encoding);
    let text = '';
    for await (const chunk of decoded.chunks) {
      text += chunk;
      if (/\S[^\r\n]*[\r\n]/.test(text)) break;
    }
    return text;
  } catch {
    return undefined; // undecodable: the customer reader says what is wrong
  }
}
