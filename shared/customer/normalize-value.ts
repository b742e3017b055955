/**
 * NFKC + trim (csv-format.md §4): full-width letters and digits become ASCII, and U+3000 and NBSP
 * count as spaces. Printable-ASCII values skip the normalisation, which is the common case.
 */
export function normalizeValue(raw: string | undefined): string {
  if (raw === undefined || raw === '') return '';
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return raw.normalize('NFKC').trim();
  }
  return raw.trim();
}
