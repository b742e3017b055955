import { describe, expect, it } from 'vitest';
import { decodeByteStream } from './decode-byte-stream.ts';

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function decodeAll(bytes: Uint8Array): Promise<{ text: string; pieces: number; encoding: string }> {
  const decoded = await decodeByteStream(oneChunk(bytes));
  let text = '';
  let pieces = 0;
  for await (const piece of decoded.chunks) {
    text += piece;
    pieces++;
  }
  return { text, pieces, encoding: decoded.currentEncoding() };
}

describe('decodeByteStream', () => {
  // Three-byte characters at every offset: some of them straddle the decoder's slice boundaries.
  const text = 'company,city\n' + Array.from({ length: 40_000 }, (_, i) => `株式会社${i},東京都\n`).join('');

  it('should decode a 1 MB chunk in slices without splitting a multi-byte character', async () => {
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);

    const decoded = await decodeAll(bytes);

    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(text);
    expect(decoded.pieces).toBeGreaterThan(bytes.length / (64 * 1024));
  });
});
