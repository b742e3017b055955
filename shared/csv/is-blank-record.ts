/** A line of empty cells (after trimming; U+3000 and NBSP count as space) is blank (docs/contracts/csv.md §2). */
export function isBlankRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}
