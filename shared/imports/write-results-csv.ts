import Papa from 'papaparse';
import type { ImportKind, RowResult } from './import-types.ts';
import { pickMessage, type Language } from '../i18n/localized-message.ts';
import { FAILED_ROW_COLUMNS, ORDER_RESULT_COLUMNS, RESULT_COLUMNS } from './result-columns.ts';

export interface ResultsCsvRow {
  /** The original cells as read. */
  cells: readonly string[];
  result: RowResult;
}

/**
 * `results`: every row with all pc_* columns; `failed`: only `invalid` and `failed` rows, with
 * pc_error_field and pc_error; `skipped`: the rows a cancel skipped, in the failed-rows shape, to
 * import again.
 */
export type ResultsFileKind = 'results' | 'failed' | 'skipped';

/** Whether a row goes into a file of that kind. */
export function rowBelongsTo(kind: ResultsFileKind, result: Pick<RowResult, 'status' | 'errorCode'>): boolean {
  if (kind === 'failed') return result.status === 'invalid' || result.status === 'failed';
  if (kind === 'skipped') return result.status === 'skipped' && result.errorCode === 'cancelled';
  return true;
}

export interface WriteResultsCsvOptions {
  kind: ResultsFileKind;
  /** The language of `pc_error`. */
  language: Language;
  /** Original columns to leave out: the empty unnamed ones (`CustomerCsv.emptyUnnamedColumns`). */
  omitColumns?: readonly number[];
  /** An orders file's results add `pc_subscriptions` (docs/contracts/csv.md §6). @default 'customers' */
  importKind?: ImportKind;
}

const BOM = '\ufeff';
const CRLF = '\r\n';
/** Rows gathered before they are written, encoded and yielded: few, large chunks. */
const ROWS_PER_CHUNK = 500;
/**
 * docs/contracts/csv.md §5: a cell that starts with `=`, `+`, `-`, `@`, tab or CR is written with a
 * leading `'` (Papa then quotes it). Papa's own `escapeFormulae: true` pattern ends in `.*$`,
 * which misses a cell holding a line break, so the start alone is tested here.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const UNPARSE_OPTIONS = { newline: CRLF, escapeFormulae: FORMULA_START } as const;

/** Rows as RFC 4180 lines, each ending in CRLF, written by `Papa.unparse`. */
function lines(rows: string[][]): string {
  return Papa.unparse(rows, UNPARSE_OPTIONS) + CRLF;
}

/** An empty header cell is written as `column_<n>` (docs/contracts/csv.md §2), counting from 1. */
function headerName(name: string, index: number): string {
  return name.trim() === '' ? `column_${index + 1}` : name;
}

function resultCells(result: RowResult, language: Language): string[] {
  return [
    String(result.row),
    String(result.line),
    result.status,
    result.customerId ?? '',
    result.adminUser ?? '',
    result.orders?.join(';') ?? '',
    result.relationshipUrl ?? '',
    result.errorCode ?? '',
    result.errorField ?? '',
    result.error ? pickMessage(result.error, language) : '',
    result.note ? pickMessage(result.note, language) : '',
  ];
}

function failedCells(result: RowResult, language: Language): string[] {
  return [result.errorField ?? '', result.error ? pickMessage(result.error, language) : ''];
}

/**
 * Streams the results file or the failed-rows file (docs/contracts/csv.md §5): the original columns
 * first (cut or padded to the header's width, `omitColumns` left out), then the pc_* columns; UTF-8 with BOM, CRLF,
 * RFC 4180 quoting and formula-injection escaping, by `Papa.unparse`. A failed-rows file re-imports as it is.
 *
 * @example for await (const bytes of writeResultsCsv(header.columns, rows, { kind: 'failed', language: 'ja' })) out.write(bytes);
 */
export async function* writeResultsCsv(
  columns: readonly string[],
  rows: AsyncIterable<ResultsCsvRow> | Iterable<ResultsCsvRow>,
  options: WriteResultsCsvOptions,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const omitted = new Set(options.omitColumns ?? []);
  const kept = columns.map((_, index) => index).filter((index) => !omitted.has(index));
  const orders = options.kind === 'results' && options.importKind === 'orders';
  const appended = options.kind === 'results' ? [...RESULT_COLUMNS, ...(orders ? ORDER_RESULT_COLUMNS : [])] : FAILED_ROW_COLUMNS;
  yield encoder.encode(BOM + lines([[...kept.map((index) => headerName(columns[index] ?? '', index)), ...appended]]));
  let batch: string[][] = [];
  for await (const { cells, result } of rows) {
    if (!rowBelongsTo(options.kind, result)) continue;
    const original = kept.map((index) => cells[index] ?? '');
    const extra = options.kind === 'results' ? resultCells(result, options.language) : failedCells(result, options.language);
    if (orders) extra.push(result.subscriptions ?? '');
    batch.push([...original, ...extra]);
    if (batch.length >= ROWS_PER_CHUNK) {
      yield encoder.encode(lines(batch));
      batch = [];
    }
  }
  if (batch.length > 0) yield encoder.encode(lines(batch));
}
