/**
 * Encoders the platform lacks (TextEncoder only writes UTF-8), so fuzz tests can produce the
 * byte encodings the reader must detect: UTF-16 LE/BE and CP932 (Shift_JIS).
 */
export type FuzzEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le' | 'cp932' | 'windows-1252';

export const FUZZ_ENCODINGS: readonly FuzzEncoding[] = ['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le', 'cp932', 'windows-1252'];

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < units.length; index++) view.setUint16(index * 2, units.charCodeAt(index), littleEndian);
  return bytes;
}

let cp932Table: Map<string, Uint8Array> | undefined;
let windows1252Table: Map<string, number> | undefined;

/** Every character Windows-1252 encodes (one byte each; five bytes are undefined). */
function windows1252(): Map<string, number> {
  if (windows1252Table) return windows1252Table;
  const table = new Map<string, number>();
  const decoder = new TextDecoder('windows-1252');
  for (let byte = 0; byte < 0x100; byte++) {
    const char = decoder.decode(new Uint8Array([byte]));
    if (!table.has(char)) table.set(char, byte);
  }
  windows1252Table = table;
  return table;
}

/** Every character CP932 encodes, built once by decoding every one- and two-byte sequence. */
function cp932(): Map<string, Uint8Array> {
  if (cp932Table) return cp932Table;
  const table = new Map<string, Uint8Array>();
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  const add = (bytes: number[]) => {
    try {
      const char = decoder.decode(new Uint8Array(bytes));
      if ([...char].length === 1 && !table.has(char)) table.set(char, new Uint8Array(bytes));
    } catch {
      // not a character in CP932
    }
  };
  for (let byte = 0; byte < 0x80; byte++) add([byte]);
  for (let byte = 0xa1; byte <= 0xdf; byte++) add([byte]);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) add([lead, trail]);
  }
  cp932Table = table;
  return table;
}

/** `text` as bytes in `encoding`; characters CP932 or Windows-1252 cannot encode become `?`. */
export function encodeText(text: string, encoding: FuzzEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode(`\ufeff${text}`);
    case 'utf-16le-bom':
      return utf16(text, true, true);
    case 'utf-16be-bom':
      return utf16(text, false, true);
    case 'utf-16le':
      return utf16(text, true, false);
    case 'cp932': {
      const table = cp932();
      const parts: number[] = [];
      for (const char of text) parts.push(...(table.get(char) ?? [0x3f]));
      return new Uint8Array(parts);
    }
    case 'windows-1252': {
      const table = windows1252();
      return Uint8Array.from([...text], (char) => table.get(char) ?? 0x3f);
    }
  }
}
