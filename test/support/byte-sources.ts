import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file under test/fixtures/csv/. */
function csvFixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
}

/** A fixture file as a byte stream, in small chunks so that chunk boundaries fall everywhere. */
export function csvFixtureStream(name: string, highWaterMark = 17): AsyncIterable<Uint8Array> {
  return createReadStream(csvFixturePath(name), { highWaterMark });
}

/** Bytes split into chunks of the given sizes (cycled), as an async iterable. */
export async function* chunked(bytes: Uint8Array, sizes: readonly number[] = [bytes.length || 1]): AsyncGenerator<Uint8Array> {
  let offset = 0;
  let turn = 0;
  while (offset < bytes.length) {
    const size = Math.max(1, sizes[turn++ % sizes.length] ?? 1);
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
}

/** Text as UTF-8 bytes in chunks. */
export function textSource(text: string, sizes?: readonly number[]): AsyncGenerator<Uint8Array> {
  return chunked(new TextEncoder().encode(text), sizes);
}

export async function collectBytes(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}
