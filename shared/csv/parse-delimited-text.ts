import { CANONICAL_KEYS, type CanonicalKey } from '../customer/canonical-keys.ts';
import type { CustomerValues } from '../customer/validate-customer.ts';
import { CsvRecordReader, type CsvDelimiter, type CsvRecord } from './csv-record-reader.ts';
import { chooseDelimiter, DELIMITERS } from './detect-delimiter.ts';
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
  const reader = new CsvRecordReader(delimiter);
  return [...reader.push(text), ...reader.end()].filter((record) => !isBlankRecord(record.cells));
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

export interface PastedCustomers {
  /** The key of each pasted column: from the header when there is one, else the canonical order. */
  keys: (CanonicalKey | null)[];
  /** One entry per data row, ready for `validateDraft` / `validateCustomer`. */
  customers: CustomerValues[];
}

/**
 * Pasted text → customer values: with a header, columns are mapped by name; without one they are
 * taken in the canonical order of docs/contracts/csv.md §3 (the order of examples/customers.csv).
 *
 * @example pasteCustomers('Contoso\tcontoso\tJP').customers[0] // { company_name: 'Contoso', domain: 'contoso', country: 'JP' }
 */
export function pasteCustomers(text: string): PastedCustomers {
  const { hasHeader, rows } = parseDelimitedText(text);
  const keys: (CanonicalKey | null)[] = hasHeader && rows[0] ? mapHeader(rows[0]).keys : [...CANONICAL_KEYS];
  const customers = (hasHeader ? rows.slice(1) : rows).map((cells) => {
    const values: CustomerValues = {};
    keys.forEach((key, index) => {
      const cell = cells[index];
      if (key !== null && cell !== undefined) values[key] = cell;
    });
    return values;
  });
  return { keys, customers };
}
