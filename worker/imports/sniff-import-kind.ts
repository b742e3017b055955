import { decodeByteStream } from '../../shared/csv/decode-byte-stream.ts';
import { takeHead } from '../../shared/csv/take-head.ts';
import type { ImportKind } from '../../shared/imports/import-types.ts';
import { fileKindOfText } from '../../shared/orders/file-kind-of-text.ts';

/** Enough bytes for the header line of any sane file; the reader refuses a longer one anyway. */
const HEAD_BYTES = 64 * 1024;

/**
 * Which kind of file the bytes hold, judged by the header line (docs/contracts/csv.md §6: an
 * orders file has a `customer` column and no company name), and the same bytes to read again:
 * only the head is held in memory, the rest still streams.
 */
export async function sniffImportKind(bytes: AsyncIterable<Uint8Array>, encoding?: string): Promise<{ kind: ImportKind; bytes: AsyncIterable<Uint8Array> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const { chunks: head, ended } = await takeHead(iterator, HEAD_BYTES);
  const replay = (async function* () {
    yield* head;
    if (!ended) for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  return { kind: await kindOfHead(head, encoding), bytes: replay };
}

async function kindOfHead(head: readonly Uint8Array[], encoding?: string): Promise<ImportKind> {
  let text = '';
  try {
    const decoded = await decodeByteStream((async function* () { yield* head; })(), encoding);
    if (decoded.empty) return 'customers';
    for await (const chunk of decoded.chunks) text += chunk;
  } catch {
    // Undecodable: the customer reader refuses it with its own sentence.
    return 'customers';
  }
  return fileKindOfText(text);
}
