const APOSTROPHE = 39; // '

/**
 * Undoes the formula-injection escaping of the results writer: a cell that starts with `'`
 * followed by `=`, `+`, `-` or `@` (docs/contracts/csv.md §2) — and, so that every file this tool writes
 * re-imports as it was, tab, CR or LF — loses that one `'`.
 */
export function unescapeCell(cell: string): string {
  if (cell.charCodeAt(0) !== APOSTROPHE) return cell;
  const next = cell.charCodeAt(1);
  // = + - @ TAB LF CR
  return next === 61 || next === 43 || next === 45 || next === 64 || next === 9 || next === 10 || next === 13 ? cell.slice(1) : cell;
}
