import type { CanonicalKey } from '../customer/canonical-keys.ts';
import type { CsvRow } from './csv-row.ts';

export interface RowClassifierHeader {
  columns: readonly string[];
  keys: readonly (CanonicalKey | null)[];
}

export interface RowClassifierOptions {
  /** The current time for the MCA date rule; injected by tests. @default new Date() */
  now?: Date;
}

/** Classifies one data row: trimming, extra cells, validation, duplicate domains (csv-format.md §2, §4, §5). */
export type RowClassifier = (cells: string[], row: number, line: number) => CsvRow;

/**
 * Creates the stateful classifier for one file: it remembers the domains of earlier valid rows so
 * that a later row with the same domain is `skipped`. Use one classifier per file, in row order.
 */
export function createRowClassifier(_header: RowClassifierHeader, _options: RowClassifierOptions = {}): RowClassifier {
  throw new Error('createRowClassifier: not implemented yet');
}
