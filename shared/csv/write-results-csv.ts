import type { RowResult } from '../imports/import-types.ts';
import type { Language } from '../i18n/localized-message.ts';

export interface ResultsCsvRow {
  /** The original cells as read. */
  cells: readonly string[];
  result: RowResult;
}

export interface WriteResultsCsvOptions {
  /** `results`: every row with all pc_* columns; `failed`: invalid and failed rows with pc_error_field and pc_error. */
  kind: 'results' | 'failed';
  /** The language of `pc_error`. */
  language: Language;
}

/** Streams the results or failed-rows file (csv-format.md §5) as UTF-8 bytes with BOM and CRLF. */
export async function* writeResultsCsv(
  _columns: readonly string[],
  _rows: AsyncIterable<ResultsCsvRow> | Iterable<ResultsCsvRow>,
  _options: WriteResultsCsvOptions,
): AsyncIterable<Uint8Array> {
  throw new Error('writeResultsCsv: not implemented yet');
}
