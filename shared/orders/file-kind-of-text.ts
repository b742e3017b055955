import { CsvRecordReader } from '../csv/csv-record-reader.ts';
import { DELIMITERS } from '../csv/detect-delimiter.ts';
import { isBlankRecord } from '../csv/is-blank-record.ts';
import { fileKindOf } from './order-header.ts';

/**
 * The kind of file whose decoded text starts with `text` (its header line is enough): an orders
 * file when, split by any of the delimiters, its first non-blank line names a `customer` column
 * and no company name (docs/contracts/csv.md §6); a customer file otherwise.
 *
 * @example fileKindOfText('Customer;Offers\r\n') // 'orders'
 */
export function fileKindOfText(text: string): 'customers' | 'orders' {
  for (const delimiter of DELIMITERS) {
    const reader = new CsvRecordReader(delimiter);
    const header = [...reader.push(text), ...reader.end()].find((record) => !isBlankRecord(record.cells.map((cell) => cell.replace(/[,;\t]/g, ''))));
    if (header && fileKindOf(header.cells) === 'orders') return 'orders';
  }
  return 'customers';
}
