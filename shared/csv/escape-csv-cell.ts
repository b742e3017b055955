const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell as this tool writes it (csv-format.md §5): formula injection escaped — a cell that
 * starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` — then RFC 4180 quoting.
 *
 * @example escapeCsvCell('=SUM(A1)') // "'=SUM(A1)"
 * @example escapeCsvCell('a "b", c') // '"a ""b"", c"'
 */
export function escapeCsvCell(cell: string): string {
  const first = cell.charCodeAt(0);
  // = + - @ TAB CR
  const escaped = first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13 ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(escaped) ? `"${escaped.replaceAll('"', '""')}"` : escaped;
}
