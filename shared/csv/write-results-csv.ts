import type { RowResult } from '../imports/import-types.ts';
import { pickMessage, type Language } from '../i18n/localized-message.ts';
import { escapeCsvCell } from './escape-csv-cell.ts';
import { FAILED_ROW_COLUMNS, RESULT_COLUMNS } from './row-status.ts';

export interface ResultsCsvRow {
  /** The original cells as read. */
  cells: readonly string[];
  result: RowResult;
}

export interface WriteResultsCsvOptions {
  /** `results`: every row with all pc_* columns; `failed`: only `invalid` and `failed` rows, with pc_error_field and pc_error. */
  kind: 'results' | 'failed';
  /** The language of `pc_error`. */
  language: Language;
  /** Original columns to leave out: the empty unnamed ones (`CustomerCsv.emptyUnnamedColumns`). */
  omitColumns?: readonly number[];
}

const BOM = '\ufeff';
const CRLF = '\r\n';
/** Text gathered before it is encoded and yielded: few, large chunks. */
const CHUNK_CHARACTERS = 64 * 1024;

/** An empty header cell is written as `column_<n>` (csv-format.md §2), counting from 1. */
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
  ];
}

function failedCells(result: RowResult, language: Language): string[] {
  return [result.errorField ?? '', result.error ? pickMessage(result.error, language) : ''];
}

/**
 * Streams the results file or the failed-rows file (csv-format.md §5): the original columns
 * first (cut or padded to the header's width, `omitColumns` left out), then the pc_* columns; UTF-8 with BOM, CRLF,
 * RFC 4180 quoting and formula-injection escaping. A failed-rows file re-imports as it is.
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
  const appended = options.kind === 'results' ? RESULT_COLUMNS : FAILED_ROW_COLUMNS;
  const line = (cells: readonly string[]) => cells.map(escapeCsvCell).join(',') + CRLF;
  let text = BOM + line([...kept.map((index) => headerName(columns[index] ?? '', index)), ...appended]);
  for await (const { cells, result } of rows) {
    if (options.kind === 'failed' && result.status !== 'invalid' && result.status !== 'failed') continue;
    const original = kept.map((index) => cells[index] ?? '');
    const extra = options.kind === 'results' ? resultCells(result, options.language) : failedCells(result, options.language);
    text += line([...original, ...extra]);
    if (text.length >= CHUNK_CHARACTERS) {
      yield encoder.encode(text);
      text = '';
    }
  }
  if (text) yield encoder.encode(text);
}
