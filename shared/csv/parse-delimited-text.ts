import { CsvTokenizer, type CsvDelimiter } from './csv-tokenizer.ts';
import { chooseDelimiter, DELIMITERS } from './detect-delimiter.ts';
import type { CsvRecord } from './csv-tokenizer.ts';
import { isBlankRecord } from './is-blank-record.ts';
import { mapHeader } from './map-header.ts';
import { unescapeCell } from './unescape-cell.ts';

/** Pasted text split into rows: a row copied from Excel (tab-separated) or CSV lines. */
export interface DelimitedText {
  delimiter: CsvDelimiter;
  /** True when the first row is a header (it names at least one known column). */
  hasHeader: boolean;
  /** The rows' cells, header included when `hasHeader`. */
  rows: string[][];
}

function tokenize(delimiter: CsvDelimiter, text: string): CsvRecord[] {
  const tokenizer = new CsvTokenizer(delimiter);
  return [...tokenizer.push(text), ...tokenizer.end()].filter((record) => !isBlankRecord(record.cells));
}

/**
 * Splits pasted text into rows and cells for the extension's "paste a row": tab wins when the
 * text has one (Excel copies tab-separated), else the delimiter is detected as for files.
 * Blank lines are dropped; cells keep their spaces.
 *
 * @example parseDelimitedText('Contoso\tcontoso\tJP') // { delimiter: '\t', hasHeader: false, rows: [['Contoso', 'contoso', 'JP']] }
 */
export function parseDelimitedText(text: string): DelimitedText {
  let delimiter: CsvDelimiter;
  if (text.includes('\t')) delimiter = '\t';
  else {
    const firsts = new Map<CsvDelimiter, CsvRecord>();
    for (const candidate of DELIMITERS) {
      const first = tokenize(candidate, text)[0];
      if (first) firsts.set(candidate, first);
    }
    delimiter = chooseDelimiter(firsts);
  }
  const rows = tokenize(delimiter, text).map((record) => record.cells.map(unescapeCell));
  const first = rows[0];
  const hasHeader = first !== undefined && mapHeader(first).recognized > 0;
  return { delimiter, hasHeader, rows };
}
