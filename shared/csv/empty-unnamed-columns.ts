/**
 * Tracks the columns docs/contracts/csv.md §3 ignores: an empty header whose cells are all empty. Such a
 * column is left out of the results files (`writeResultsCsv({ omitColumns })`); one with any
 * non-empty cell is kept as `column_<n>`. Both ways into an import (a file, or rows the extension
 * split) feed their rows through one tracker.
 */
export interface EmptyUnnamedColumns {
  /** Looks at one data row's cells. */
  observe(cells: readonly string[]): void;
  /** The indexes still unnamed and empty, ascending. Final once every row was observed. */
  columns(): number[];
}

export function trackEmptyUnnamedColumns(columns: readonly string[]): EmptyUnnamedColumns {
  const candidates = new Set<number>();
  columns.forEach((name, index) => {
    if (name.trim() === '') candidates.add(index);
  });
  return {
    observe(cells) {
      if (candidates.size === 0) return;
      for (const column of candidates) if (cells[column]?.trim()) candidates.delete(column);
    },
    columns: () => [...candidates].sort((a, b) => a - b),
  };
}
