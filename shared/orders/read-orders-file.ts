import { rowProblem } from '../customer/row-problem.ts';
import { CsvFileError } from '../csv/csv-file-error.ts';
import { CsvRecordReader, type CsvDelimiter, type CsvRecord } from '../csv/csv-record-reader.ts';
import { decodeByteStream, type ByteSource } from '../csv/decode-byte-stream.ts';
import { DELIMITERS } from '../csv/detect-delimiter.ts';
import { isBlankRecord } from '../csv/is-blank-record.ts';
import { unbalancedQuotesProblem } from '../csv/unbalanced-quotes-problem.ts';
import { unescapeCell } from '../csv/unescape-cell.ts';
import { orderKeyOf, REQUIRED_ORDER_KEYS, type OrderKey } from './order-header.ts';
import { validateOrder, type OrderOutcome } from './validate-order.ts';

/** One data row of an orders file: numbered like a customer row (docs/contracts/csv.md §2). */
interface OrderRow {
  row: number;
  line: number;
  /** Every cell as read, unknown and `pc_*` columns included, so the results file can echo them. */
  cells: string[];
  outcome: OrderOutcome;
}

export interface OrdersFile {
  columns: string[];
  /** For each column, the orders key it maps to, or null (unknown, `pc_*`, or empty). */
  keys: (OrderKey | null)[];
  encoding: string;
  delimiter: CsvDelimiter;
  rows: OrderRow[];
  /** Blank lines seen, before and after the header. */
  blankLines: number;
}

const LABELS: Readonly<Record<OrderKey, { en: string; ja: string }>> = {
  customer: { en: 'Customer', ja: '顧客' },
  offers: { en: 'Offers', ja: 'サブスクリプション' },
  term: { en: 'Term', ja: '期間' },
  billing_cycle: { en: 'Billing cycle', ja: '請求サイクル' },
  subscription_id: { en: 'Subscription ID', ja: 'サブスクリプション ID' },
};

function readRecords(text: string, delimiter: CsvDelimiter): CsvRecord[] {
  const reader = new CsvRecordReader(delimiter);
  return [...reader.push(text), ...reader.end()];
}

function emptyFile(): CsvFileError {
  return new CsvFileError({
    reason: 'empty_file',
    message: {
      en: 'The file is empty (no bytes, or only blank lines). Export the spreadsheet again with its header line and rows.',
      ja: 'ファイルが空です（データがないか、空行のみです）。ヘッダー行とデータを含めて、もう一度エクスポートしてください。',
    },
  });
}

/** Throws the file-level error of a header with a doubled or a missing required column. */
function checkOrderHeader(columns: readonly string[], keys: readonly (OrderKey | null)[]): void {
  const first = new Map<OrderKey, number>();
  keys.forEach((key, index) => {
    if (key === null) return;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, index);
      return;
    }
    const names = [earlier, index].map((column) => `"${columns[column] ?? ''}" (column ${column + 1})`);
    throw new CsvFileError({
      reason: 'duplicate_column',
      columns: [columns[earlier] ?? '', columns[index] ?? ''],
      message: {
        en: `The column ${key} is given twice: ${names.join(' and ')}. Remove or rename one of them.`,
        ja: `列 ${key} が 2 回あります: ${names.join(' と ')}。どちらかを削除するか名前を変更してください。`,
      },
    });
  });
  const missing = REQUIRED_ORDER_KEYS.find((key) => !first.has(key));
  if (missing) {
    throw new CsvFileError({
      reason: 'missing_column',
      columns: [missing],
      message: {
        en: `The required column ${missing} ("${LABELS[missing].en}") is missing from the orders file. Add the column or rename the header.`,
        ja: `注文ファイルに必須の列 ${missing}（${LABELS[missing].ja}）がありません。列を追加するか、ヘッダー名を変更してください。`,
      },
    });
  }
}

/**
 * Reads an orders file (docs/contracts/csv.md §6) with the rules of §1–§3: encoding and
 * delimiter detected, blank lines skipped and counted, formula escaping undone, `pc_*` and
 * unknown columns carried but not read. Every row is validated. Orders files are short (one row
 * per customer), so the whole file is read at once. Throws `CsvFileError` when the file is refused.
 *
 * @example
 * const file = await readOrdersFile(createReadStream('orders.csv'));
 * for (const row of file.rows) if (row.outcome.ok) console.log(row.outcome.order.items);
 */
export async function readOrdersFile(source: ByteSource, options: { encoding?: string } = {}): Promise<OrdersFile> {
  const decoded = await decodeByteStream(source, options.encoding);
  if (decoded.empty) throw emptyFile();
  let text = '';
  for await (const chunk of decoded.chunks) text += chunk;

  // The delimiter whose header line names the most orders columns, then has the most cells.
  let best: { delimiter: CsvDelimiter; records: CsvRecord[]; header: number; recognized: number; cells: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const records = readRecords(text, delimiter);
    const header = records.findIndex((record) => !isBlankRecord(record.cells.map((cell) => cell.replace(/[,;\t]/g, ''))));
    if (header < 0) continue;
    const cells = records[header]!.cells;
    const recognized = cells.filter((cell) => orderKeyOf(cell) !== null).length;
    if (!best || recognized > best.recognized || (recognized === best.recognized && cells.length > best.cells)) {
      best = { delimiter, records, header, recognized, cells: cells.length };
    }
  }
  if (!best) throw emptyFile();

  const columns = best.records[best.header]!.cells;
  const keys = columns.map(orderKeyOf);
  checkOrderHeader(columns, keys);

  let blankLines = best.header;
  const rows: OrderRow[] = [];
  for (const record of best.records.slice(best.header + 1)) {
    if (isBlankRecord(record.cells)) {
      blankLines++;
      continue;
    }
    const cells = record.cells.map((cell) => (cell.startsWith("'") ? unescapeCell(cell) : cell));
    while (cells.length < columns.length) cells.push('');
    const row = rows.length + 1;
    if (record.unbalancedQuotes) {
      rows.push({ row, line: record.line, cells, outcome: { ok: false, status: 'invalid', problem: unbalancedQuotesProblem(record.line) } });
      continue;
    }
    const extra = cells.findIndex((cell, index) => index >= columns.length && cell.trim() !== '');
    if (extra >= 0) {
      const problem = rowProblem(
        'extra_cells',
        undefined,
        `The row has a non-empty cell in column ${extra + 1}, beyond the ${columns.length} header columns. Remove it or add a header for it (check for an unquoted delimiter inside a value).`,
        `${extra + 1} 列目に、ヘッダー（${columns.length} 列）を超える空でないセルがあります。削除するかヘッダーを追加してください（値の中に引用符なしの区切り文字がないか確認してください）。`,
      );
      rows.push({ row, line: record.line, cells, outcome: { ok: false, status: 'invalid', problem } });
      continue;
    }
    const values: Partial<Record<OrderKey, string>> = {};
    keys.forEach((key, index) => {
      if (key !== null) values[key] = cells[index];
    });
    rows.push({ row, line: record.line, cells, outcome: validateOrder(values) });
  }
  return { columns, keys, encoding: decoded.encoding, delimiter: best.delimiter, rows, blankLines };
}
