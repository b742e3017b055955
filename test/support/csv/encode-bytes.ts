/**
 * Byte encoders the platform lacks (TextEncoder writes only UTF-8), so conformance tests can
 * hand the reader the files Excel writes: UTF-16 LE/BE, CP932 (Shift_JIS) and Windows-1252.
 */

export function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array<ArrayBuffer> {
  const units = (bom ? '\ufeff' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < units.length; index++) view.setUint16(index * 2, units.charCodeAt(index), littleEndian);
  return bytes;
}

/** Encodes with a single- or double-byte legacy code page by searching its decoder's table once. */
function legacyEncoder(label: string, doubleByte: boolean): (text: string) => Uint8Array<ArrayBuffer> {
  let table: Map<string, number[]> | undefined;
  const build = () => {
    const map = new Map<string, number[]>();
    const decoder = new TextDecoder(label, { fatal: true });
    const add = (bytes: number[]) => {
      try {
        const char = decoder.decode(new Uint8Array(bytes));
        if ([...char].length === 1 && !map.has(char)) map.set(char, bytes);
      } catch {
        // not a character of this code page
      }
    };
    for (let byte = 0; byte < 0x100; byte++) add([byte]);
    if (doubleByte) {
      for (let lead = 0x81; lead <= 0xfc; lead++) {
        if (lead > 0x9f && lead < 0xe0) continue;
        for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) add([lead, trail]);
      }
    }
    return map;
  };
  return (text) => {
    table ??= build();
    const out: number[] = [];
    for (const char of text) {
      const bytes = table.get(char);
      if (!bytes) throw new Error(`${label} cannot encode ${JSON.stringify(char)}`);
      out.push(...bytes);
    }
    return new Uint8Array(out);
  };
}

export const cp932 = legacyEncoder('shift_jis', true);
export const windows1252 = legacyEncoder('windows-1252', false);

export function utf8(text: string, bom = false): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode((bom ? '\ufeff' : '') + text);
}
