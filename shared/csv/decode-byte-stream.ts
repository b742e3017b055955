import { bomLengthFor, detectEncoding, resolveEncodingName, undecodableFileError, type CsvEncoding } from './detect-encoding.ts';

export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/** Enough bytes to judge the encoding; the rest streams through. */
const SAMPLE_BYTES = 64 * 1024;

/** Reads a byte source as an async iterable in Node and in the browser (Chrome lacks ReadableStream iteration in older versions). */
async function* iterateBytes(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in source) {
    yield* source as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export interface DecodedText {
  encoding: CsvEncoding;
  /** The decoded text in chunks; throws `CsvFileError` (`undecodable`) on bytes the encoding cannot decode. */
  chunks: AsyncGenerator<string>;
  /** True when the source had no bytes at all. */
  empty: boolean;
}

/**
 * Detects (or takes) the encoding from the first bytes and decodes the stream chunk by chunk,
 * with a fatal decoder so that mojibake never passes silently.
 */
export async function decodeByteStream(source: ByteSource, encodingOverride?: string): Promise<DecodedText> {
  const bytes = iterateBytes(source);
  const head: Uint8Array[] = [];
  let headLength = 0;
  let finished = false;
  while (headLength < SAMPLE_BYTES) {
    const next = await bytes.next();
    if (next.done) {
      finished = true;
      break;
    }
    if (next.value.length === 0) continue;
    head.push(next.value);
    headLength += next.value.length;
  }
  const sample = concat(head, headLength);
  const detected = encodingOverride
    ? { encoding: resolveEncodingName(encodingOverride), bomLength: 0 }
    : detectEncoding(sample);
  const encoding = detected.encoding;
  const bomLength = encodingOverride ? bomLengthFor(encoding, sample) : detected.bomLength;

  async function* chunks(): AsyncGenerator<string> {
    // ignoreBOM: the BOM is skipped here by length, so a second BOM stays visible as text.
    const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    const decode = (chunk: Uint8Array, stream: boolean): string => {
      try {
        return decoder.decode(chunk, { stream });
      } catch (error) {
        throw undecodableFileError(error);
      }
    };
    if (sample.length > bomLength) yield decode(sample.subarray(bomLength), true);
    if (!finished) {
      for (;;) {
        const next = await bytes.next();
        if (next.done) break;
        yield decode(next.value, true);
      }
    }
    const tail = decode(new Uint8Array(0), false);
    if (tail) yield tail;
  }
  return { encoding, chunks: chunks(), empty: headLength === 0 };
}
