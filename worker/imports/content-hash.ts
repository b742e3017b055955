import { createHash } from 'node:crypto';

/** SHA-256 (hex) of a file's bytes: the same file run again is recognised by it, whatever its name. */
export async function contentHash(bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of bytes) hash.update(chunk);
  return hash.digest('hex');
}
