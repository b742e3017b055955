const NEEDS_NFKC = /[^\x20-\x7e]/;

/**
 * NFKC + trim (csv-format.md §4): full-width letters and digits become ASCII, and U+3000 and NBSP
 * count as spaces. Pure-ASCII values skip the normalisation, which is the common case.
 */
export function normalizeValue(raw: string | undefined): string {
  if (raw === undefined) return '';
  return (NEEDS_NFKC.test(raw) ? raw.normalize('NFKC') : raw).trim();
}
