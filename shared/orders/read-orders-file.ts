import { rowProblem } from '../customer/row-problem.ts';
import { CsvFileError } from '../csv/csv-file-error.ts';
import { CsvRecordReader, type CsvDelimiter, type CsvRecord } from '../csv/csv-record-reader.ts';
import { decodeByteStream, type ByteSource } from '../csv/decode-byte-stream.ts';
import { DELIMITERS } from '../csv/detect-delimiter.ts';
import { emptyFile, readCsvHead } from '../csv/read-csv-head.ts';
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

/** The delimiter whose header line names the most orders columns, then has the most cells. */
function chooseOrdersDelimiter(candidates: ReadonlyMap<CsvDelimiter, CsvRecord>): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; recognized: number; cells: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const cells = candidates.get(delimiter)?.cells;
    if (!cells) continue;
    const recognized = cells.filter((cell) => orderKeyOf(cell) !== null).length;
    if (!best || recognized > best.recognized || (recognized === best.recognized && cells.length > best.cells)) best = { delimiter, recognized, cells: cells.length };
  }
  return best?.delimiter ?? ',';
}

/** An orders file opened for streaming: the header is read and checked, the rows come as they are read. */
export interface OrdersFileStream extends Omit<OrdersFile, 'rows' | 'blankLines'> {
  /** Every data row, validated, in file order; read once. */
  rows(): AsyncGenerator<OrderRow>;
  /** Blank lines seen so far, before and after the header (final once `rows()` is consumed). */
  readonly blankLines: number;
}

/**
 * Opens an orders file (docs/contracts/csv.md §6) with the rules of §1–§3: encoding and
 * delimiter detected, blank lines skipped and counted, formula escaping undone, `pc_*` and
 * unknown columns carried but not read. Only the head is held to find the header; the rows are
 * read, validated and handed out as the text streams in. Throws `CsvFileError` when the file is
 * refused.
 *
 * @example
 * const file = await openOrdersFile(createReadStream('orders.csv'));
 * for await (const row of file.rows()) if (row.outcome.ok) console.log(row.outcome.order.items);
 */
export async function openOrdersFile(source: ByteSource, options: { encoding?: string } = {}): Promise<OrdersFileStream> {
  const decoded = await decodeByteStream(source, options.encoding);
  if (decoded.empty) throw emptyFile();
  const chunks = decoded.chunks;
  const { text: headText, ended, candidates } = await readCsvHead(chunks);
  const delimiter = chooseOrdersDelimiter(candidates);
  const reader = new CsvRecordReader(delimiter);
  const head = reader.push(headText);
  if (ended) head.push(...reader.end());
  const headerLine = candidates.get(delimiter)!.line;
  const headerIndex = head.findIndex((record) => record.line === headerLine);
  if (headerIndex < 0) throw emptyFile();
  const columns = head[headerIndex]!.cells;
  const keys = columns.map(orderKeyOf);
  checkOrderHeader(columns, keys);
  let blankLines = headerIndex;
  let row = 0;

  function toRow(record: CsvRecord): OrderRow | undefined {
    if (isBlankRecord(record.cells)) {
      blankLines++;
      return undefined;
    }
    const cells = record.cells.map((cell) => (cell.startsWith("'") ? unescapeCell(cell) : cell));
    while (cells.length < columns.length) cells.push('');
    row++;
    if (record.unbalancedQuotes) return { row, line: record.line, cells, outcome: { ok: false, status: 'invalid', problem: unbalancedQuotesProblem(record.line) } };
    const extra = cells.findIndex((cell, index) => index >= columns.length && cell.trim() !== '');
    if (extra >= 0) {
      const problem = rowProblem(
        'extra_cells',
        undefined,
        `The row has a non-empty cell in column ${extra + 1}, beyond the ${columns.length} header columns. Remove it or add a header for it (check for an unquoted delimiter inside a value).`,
        `${extra + 1} 列目に、ヘッダー（${columns.length} 列）を超える空でないセルがあります。削除するかヘッダーを追加してください（値の中に引用符なしの区切り文字がないか確認してください）。`,
      );
      return { row, line: record.line, cells, outcome: { ok: false, status: 'invalid', problem } };
    }
    const values: Partial<Record<OrderKey, string>> = {};
    keys.forEach((key, index) => {
      if (key !== null) values[key] = cells[index];
    });
    return { row, line: record.line, cells, outcome: validateOrder(values) };
  }

  return {
    columns,
    keys,
    encoding: decoded.encoding,
    delimiter,
    get blankLines() {
      return blankLines;
    },
    async *rows() {
      for (const record of head.slice(headerIndex + 1)) {
        const next = toRow(record);
        if (next) yield next;
      }
      if (ended) return;
      for await (const chunk of chunks) {
        for (const record of reader.push(chunk)) {
          const next = toRow(record);
          if (next) yield next;
        }
      }
      for (const record of reader.end()) {
        const next = toRow(record);
        if (next) yield next;
      }
    },
  };
}

/**
 * Reads a whole orders file at once (`openOrdersFile`, every row collected): for the callers that
 * want the rows as an array — orders files are short, one row per customer.
 */
export async function readOrdersFile(source: ByteSource, options: { encoding?: string } = {}): Promise<OrdersFile> {
  const file = await openOrdersFile(source, options);
  const rows: OrderRow[] = [];
  for await (const row of file.rows()) rows.push(row);
  return { columns: file.columns, keys: file.keys, encoding: file.encoding, delimiter: file.delimiter, rows, blankLines: file.blankLines };
}
