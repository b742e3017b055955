// A trailing "(optional)" / "(省略可能)" is dropped before the rest (docs/contracts/csv.md §3).
const OPTIONAL_SUFFIX = /\s*[(（]\s*(?:optional|省略可能)\s*[)）]\s*$/iu;
// Spaces (incl. U+3000 and NBSP after NFKC), `_ - . / ( ) :` are removed.
const IGNORED_CHARACTERS = /[\s\u00a0\u3000_\-./():]/gu;

/**
 * Normalises a header cell for matching: NFKC, trailing "(optional)" dropped, lower case, spaces
 * and punctuation removed.
 *
 * @example normalizeHeaderName('Country/region (optional)') // 'countryregion'
 */
export function normalizeHeaderName(name: string): string {
  return name.normalize('NFKC').trim().replace(OPTIONAL_SUFFIX, '').toLowerCase().replace(IGNORED_CHARACTERS, '');
}
