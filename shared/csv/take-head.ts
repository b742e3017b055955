/** The first chunks of a byte stream: at least `limit` bytes unless the stream ended first. */
export interface ByteHead {
  chunks: Uint8Array[];
  length: number;
  /** True when the stream has no bytes after `chunks`. */
  ended: boolean;
}

/** Reads chunks until `limit` bytes are held or the stream ends (empty chunks are dropped); the iterator goes on after them. */
export async function takeHead(bytes: AsyncIterator<Uint8Array>, limit: number): Promise<ByteHead> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < limit) {
    const next = await bytes.next();
    if (next.done) return { chunks, length, ended: true };
    if (next.value.length === 0) continue;
    chunks.push(next.value);
    length += next.value.length;
  }
  return { chunks, length, ended: false };
}
