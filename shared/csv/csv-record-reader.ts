import Papa from 'papaparse';
import { CsvFileError } from './csv-file-error.ts';
import { LineEndNormalizer } from './line-end-normalizer.ts';

/** One record of delimited text: its cells (unquoted) and the physical line where it starts. */
export interface CsvRecord {
  cells: string[];
  line: number;
  /**
   * Set when a quoted cell of the record is not closed properly: a `"` inside it that is not
   * doubled, or a quote that never closes. Its cells (and maybe the lines after it) are then not
   * what the user meant.
   */
  unbalancedQuotes?: true;
}

export type CsvDelimiter = ',' | ';' | '\t';

/**
 * The longest record accepted, in characters. Partner Center values are at most a few hundred
 * characters, so a longer record means a quote that is never closed; stopping here also keeps the
 * re-parse of an unfinished record from growing without bound.
 */
export const MAX_RECORD_CHARACTERS = 1024 * 1024;

/**
 * Reads RFC 4180 records from text chunks with PapaParse's `Parser`, the way Papa's own
 * ChunkStreamer streams: each chunk is parsed after the unfinished tail of the previous one, with
 * `ignoreLastRow`, and `meta.cursor` says where that tail starts. Works in Node and in the browser.
 *
 * Papa takes one newline style per input and does not say where a row starts, so the line ends
 * between records are normalised first (CRLF and lone CR become LF,
 * docs/contracts/csv.md §1). A line break inside a quoted cell stays as written, so the
 * results file echoes it unchanged; a record's start line counts CR, LF and CRLF alike.
 *
 * Quoting follows Papa: a cell that starts with `"` runs to the matching `"` followed by a
 * delimiter or line end; `"abc"def` is not closed at `c"` (the quote runs on, and a quote that
 * never closes ends in `record_too_long` or, at the end of the input, takes the rest as its cell).
 * Papa reports both as quote errors: such a record is flagged `unbalancedQuotes`.
 * Memory is bounded by the longest record: only the unfinished tail is kept.
 */
export class CsvRecordReader {
  readonly delimiter: CsvDelimiter;
  private readonly parser: Papa.Parser;
  private readonly lineEnds: LineEndNormalizer;
  private pending = '';
  private line = 1;
  /**
   * Whether the text of the records last returned held a `'`: when it did not, no cell can carry
   * formula escaping (docs/contracts/csv.md §2) and the caller may skip looking at every cell.
   */
  lastRecordsMayHaveApostrophe = false;

  constructor(delimiter: CsvDelimiter) {
    this.delimiter = delimiter;
    this.lineEnds = new LineEndNormalizer(delimiter);
    this.parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
  }

  /** Feeds decoded text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    const normalized = this.lineEnds.push(text);
    const records = this.parse(this.pending === '' ? normalized : this.pending + normalized, true);
    if (this.pending.length > MAX_RECORD_CHARACTERS) throw unclosedRecord(this.line);
    return records;
  }

  /** Ends the input; returns the last records, including one that did not end with a line end. */
  end(): CsvRecord[] {
    const rest = this.lineEnds.end();
    const records = rest === '' ? [] : this.parse(this.pending + rest, true);
    if (this.pending !== '') records.push(...this.parse(this.pending, false));
    this.pending = '';
    this.lastRecordsMayHaveApostrophe = true; // two parses above: not worth tracking for the last few records
    return records;
  }

  /** Parses `input`; keeps what follows the last complete record (nothing when `more` is false) as pending. */
  private parse(input: string, more: boolean): CsvRecord[] {
    const result = this.parser.parse(input, 0, more) as PapaResult;
    const rows = result.data;
    const cursor = more ? result.meta.cursor : input.length;
    this.pending = cursor >= input.length ? '' : input.slice(cursor);
    const apostrophe = input.indexOf("'");
    this.lastRecordsMayHaveApostrophe = apostrophe >= 0 && apostrophe < cursor;
    const records: CsvRecord[] = new Array(rows.length);
    // As many LFs as records and no CR: no cell holds a line end, every record is one line (the
    // usual case). (The last parse of the input holds a record without a line end: its cells are counted.)
    const carriageReturn = input.indexOf('\r');
    const oneLineEach = more && (carriageReturn < 0 || carriageReturn >= cursor) && countLineFeeds(input, cursor) === rows.length;
    for (let index = 0; index < rows.length; index++) {
      const cells = rows[index]!;
      records[index] = { cells, line: this.line };
      this.line += oneLineEach ? 1 : 1 + countCellLineEnds(cells);
    }
    // Papa reports quote errors by record index; one for the unfinished record is reported again later.
    for (const error of result.errors) {
      const record = error.type === 'Quotes' ? records[error.row] : undefined;
      if (record) record.unbalancedQuotes = true;
    }
    return records;
  }
}

/** What `Papa.Parser#parse` returns (undocumented API; see papaparse.js `Parser`). */
interface PapaResult {
  data: string[][];
  errors: { type: string; code: string; row: number }[];
  meta: { cursor: number };
}

/** LFs in `text` before `end`: one indexOf per line. */
function countLineFeeds(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Line ends (CRLF, lone CR or LF) inside the cells of one record: the extra physical lines it spans. */
function countCellLineEnds(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) count += cell.match(LINE_END)?.length ?? 0;
  return count;
}

const LINE_END = /\r\n?|\n/g;

function unclosedRecord(line: number): CsvFileError {
  return new CsvFileError({
    reason: 'record_too_long',
    message: {
      en: `The row starting on line ${line} runs on for more than 1 MB: a quote (") in it is probably never closed. Check the quotes on that line.`,
      ja: `${line} 行目から始まる行が 1 MB を超えています。引用符（"）が閉じられていない可能性があります。その行の引用符を確認してください。`,
    },
  });
}
