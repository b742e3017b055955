import type { CsvDelimiter, CsvRecord } from './csv-record-reader.ts';
import { mapHeader } from './map-header.ts';

export const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * Picks the delimiter whose split of the header line yields the most recognised column names,
 * then the most columns (docs/contracts/csv.md §1). Ties keep the order comma, semicolon, tab.
 */
export function chooseDelimiter(headers: ReadonlyMap<CsvDelimiter, CsvRecord>): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; recognized: number; columns: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const header = headers.get(delimiter);
    if (!header) continue;
    const recognized = mapHeader(header.cells).recognized;
    const columns = header.cells.length;
    if (!best || recognized > best.recognized || (recognized === best.recognized && columns > best.columns)) {
      best = { delimiter, recognized, columns };
    }
  }
  return best?.delimiter ?? ',';
}
