import { takeHead } from './take-head.ts';
import { bomLengthFor, detectEncoding, detectTextEncoding, resolveEncodingName, undecodableFileError, type CsvEncoding } from './detect-encoding.ts';

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

/** The index of the first byte above 0x7F, or -1. */
function firstNonAscii(bytes: Uint8Array, from = 0): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i]! > 0x7f) return i;
  return -1;
}

/**
 * The most bytes handed to the decoder at once. V8's TextDecoder is markedly slower per byte on
 * calls of hundreds of KB than on tens of KB (a 1 MB read chunk is common), and smaller strings
 * also keep the tokenizer's working set small (docs/performance.md, reader).
 */
const DECODE_SLICE_BYTES = 32 * 1024;

/** ASCII bytes kept before the first non-ASCII one when the encoding is detected again: context for the detector. */
const LATE_CONTEXT_BYTES = 64;

export interface DecodedText {
  /** The encoding detected from the first bytes (a file that is ASCII there may switch later, see `decodeByteStream`). */
  encoding: CsvEncoding;
  /** The decoded text in chunks; throws `CsvFileError` (`undecodable`) on bytes the encoding cannot decode. */
  chunks: AsyncGenerator<string>;
  /** True when the source had no bytes at all. */
  empty: boolean;
  /** The encoding the text decoded so far was read with (may change once, at the first non-ASCII byte). */
  currentEncoding(): CsvEncoding;
}

/**
 * Detects (or takes) the encoding from the first bytes and decodes the stream chunk by chunk,
 * with a fatal decoder so that mojibake never passes silently.
 */
export async function decodeByteStream(source: ByteSource, encodingOverride?: string): Promise<DecodedText> {
  const bytes = iterateBytes(source);
  const { chunks: head, length: headLength, ended: finished } = await takeHead(bytes, SAMPLE_BYTES);
  const sample = concat(head, headLength);
  const detected = encodingOverride
    ? { encoding: resolveEncodingName(encodingOverride), bomLength: 0 }
    : detectEncoding(sample);
  let encoding = detected.encoding;
  const bomLength = encodingOverride ? bomLengthFor(encoding, sample) : detected.bomLength;

  // Only ASCII in the sample (no BOM, no override): any of the encodings reads it the same, so the
  // choice is made again at the first non-ASCII byte, wherever it comes (docs/contracts/csv.md §1).
  const undecided = !encodingOverride && bomLength === 0 && !finished && encoding === 'utf-8' && firstNonAscii(sample) < 0;

  async function* chunks(): AsyncGenerator<string> {
    // ignoreBOM: the BOM is skipped here by length, so a second BOM stays visible as text.
    let decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    const decode = (chunk: Uint8Array, stream: boolean): string => {
      try {
        return decoder.decode(chunk, { stream });
      } catch (error) {
        throw undecodableFileError(error);
      }
    };
    let ascii = undecided;
    let exhausted = finished;
    let pending: Uint8Array | undefined = sample.length > bomLength ? sample.subarray(bomLength) : undefined;
    for (;;) {
      let chunk: Uint8Array;
      if (pending) {
        chunk = pending;
        pending = undefined;
      } else {
        if (exhausted) break;
        const next = await bytes.next();
        if (next.done) break;
        chunk = next.value;
      }
      const at = ascii ? firstNonAscii(chunk) : -1;
      if (at >= 0) {
        ascii = false;
        // Decode the ASCII before it as it is, then detect on a sample from just before it.
        const from = Math.max(0, at - LATE_CONTEXT_BYTES);
        if (from > 0) yield decode(chunk.subarray(0, from), true);
        const parts = [chunk.subarray(from)];
        let length = parts[0]!.length;
        while (length < SAMPLE_BYTES) {
          const next = await bytes.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          parts.push(next.value);
          length += next.value.length;
        }
        chunk = concat(parts, length);
        encoding = detectTextEncoding(chunk);
        decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
      }
      for (let at = 0; at < chunk.length; at += DECODE_SLICE_BYTES) {
        yield decode(chunk.subarray(at, at + DECODE_SLICE_BYTES), true);
      }
    }
    const tail = decode(new Uint8Array(0), false);
    if (tail) yield tail;
  }
  return { encoding, chunks: chunks(), empty: headLength === 0, currentEncoding: () => encoding };
}
