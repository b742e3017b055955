/**
 * Normalises a visible label, section heading or option text for matching, the way docs/contracts/csv.md §3
 * normalises CSV headers: NFKC, lower case, a trailing "(optional)" / "(省略可能)" / "(required)" / "(必須)" and required-marker
 * asterisks dropped, then spaces (incl. U+3000, NBSP), `_ - . / ( ) :` removed.
 *
 * @example normalizeLabel('Address line 2 (optional)') === 'addressline2'
 * @example normalizeLabel('国/地域 *') === '国地域'
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[*＊]/g, ' ')
    .trim()
    // A trailing colon may follow the marker ("Address line 2 (optional):"); NFKC made `：` a `:`.
    .replace(/\((optional|省略可能|任意|required|必須)\)[\s:]*$/u, '')
    .replace(/[\s\u3000\u00a0_\-./():]/gu, '');
}

/** Whether `text` reads as one of `labels` once both are normalised. */
export function matchesLabel(text: string, labels: readonly string[]): boolean {
  const normalized = normalizeLabel(text);
  if (normalized === '') return false;
  return labels.some((label) => normalizeLabel(label) === normalized);
}
