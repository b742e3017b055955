/**
 * Characters that NFKC leaves as they are, alone and next to any other character of this set:
 * printable ASCII, tab/line ends, Latin-1 and Latin Extended letters (minus the few compatibility
 * ones), CJK punctuation, kana, kanji and Hangul syllables. `normalize-value.test.ts` checks every
 * one of them against `String.prototype.normalize`.
 */
const NFKC_STABLE = (() => {
  const table = new Uint8Array(0x10000);
  const mark = (from: number, to: number) => table.fill(1, from, to + 1);
  mark(0x09, 0x0d);
  mark(0x20, 0x7e);
  mark(0xc0, 0xff);
  mark(0x100, 0x2af);
  for (const code of [0x132, 0x133, 0x13f, 0x140, 0x149, 0x17f]) table[code] = 0;
  table.fill(0, 0x1c4, 0x1cd);
  table.fill(0, 0x1f1, 0x1f4);
  mark(0x3001, 0x3035);
  mark(0x3041, 0x3096);
  mark(0x30a0, 0x30fe);
  mark(0x4e00, 0x9fff);
  mark(0xac00, 0xd7a3);
  return table;
})();

// V8 scans a simple character class much faster than a JavaScript loop: most cells are ASCII.
const NOT_ASCII = /[^\t-\r -~]/;

/** True when `normalize('NFKC')` would return the value unchanged; checked without normalising. */
export function isNfkcStable(value: string): boolean {
  if (!NOT_ASCII.test(value)) return true;
  for (let i = 0; i < value.length; i++) if (NFKC_STABLE[value.charCodeAt(i)] === 0) return false;
  return true;
}

/**
 * NFKC + trim (docs/contracts/csv.md §4): full-width letters and digits become ASCII, and U+3000 and NBSP
 * count as spaces. Values that NFKC would not change (ASCII, kana, kanji…) skip the normalisation.
 */
export function normalizeValue(raw: string | undefined): string {
  if (raw === undefined || raw === '') return '';
  return (isNfkcStable(raw) ? raw : raw.normalize('NFKC')).trim();
}
