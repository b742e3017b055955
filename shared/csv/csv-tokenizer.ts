/** One record of delimited text: its cells (unquoted) and the physical line where it starts. */
export interface CsvRecord {
  cells: string[];
  line: number;
}

export type CsvDelimiter = ',' | ';' | '\t';

import { CsvFileError } from './csv-file-error.ts';

/**
 * The longest record accepted, in characters. Partner Center values are at most a few hundred
 * characters, so a longer record means a quote that is never closed; stopping here also keeps the
 * re-scan of an unfinished record from growing without bound.
 */
export const MAX_RECORD_CHARACTERS = 1024 * 1024;

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/**
 * An incremental RFC 4180 tokenizer that counts physical lines: CR, LF and CRLF are each one line
 * end, inside quotes too (csv-format.md §1), and the final line end closes the last line.
 *
 * PapaParse is not used here because it takes a single newline style per input and can neither
 * split a file whose rows mix LF and CRLF nor report where a row physically starts.
 * Memory is bounded by the longest record: only the unfinished tail of a chunk is kept.
 */
export class CsvTokenizer {
  readonly delimiter: CsvDelimiter;
  private readonly delimiterCode: number;
  private pending = '';
  private line = 1;

  constructor(delimiter: CsvDelimiter) {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Feeds decoded text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    this.pending = this.pending === '' ? text : this.pending + text;
    const consumed = this.scan(this.pending, false, records);
    this.pending = consumed === this.pending.length ? '' : this.pending.slice(consumed);
    if (this.pending.length > MAX_RECORD_CHARACTERS) throw unclosedRecord(this.line);
    return records;
  }

  /** Ends the input; returns the last record if the text did not end with a line end. */
  end(): CsvRecord[] {
    const records: CsvRecord[] = [];
    if (this.pending !== '') this.scan(this.pending, true, records);
    this.pending = '';
    return records;
  }

  /** Scans whole records from `text`; returns how many characters they used. */
  private scan(text: string, final: boolean, records: CsvRecord[]): number {
    const length = text.length;
    const delimiter = this.delimiterCode;
    let start = 0;
    // Where the next quote, LF, CR and delimiter are: found once and reused until passed, so a
    // file is split with indexOf (and split() for lines without quotes), as PapaParse does.
    let nextQuote = -2;
    let nextLf = -2;
    let nextCr = -2;
    let nextDelimiter = -2;
    while (start < length) {
      if (nextQuote !== -1 && nextQuote < start) nextQuote = text.indexOf('"', start);
      if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf('\n', start);
      if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
      const lineEnd = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
      if (lineEnd >= 0 && (nextQuote < 0 || nextQuote > lineEnd)) {
        // A whole unquoted line: no quote before its end.
        let after = lineEnd + 1;
        if (lineEnd === nextCr) {
          if (after >= length && !final) return start;
          if (text.charCodeAt(after) === LF) after++;
        }
        records.push({ cells: text.slice(start, lineEnd).split(this.delimiter), line: this.line });
        this.line += 1;
        start = after;
        continue;
      }
      const cells: string[] = [];
      let extraLines = 0;
      let i = start;
      let complete = false;
      for (;;) {
        let cell: string;
        if (text.charCodeAt(i) === QUOTE) {
          // Quoted cell: up to the closing quote; "" is a literal quote.
          let value = '';
          let from = i + 1;
          for (;;) {
            const close = text.indexOf('"', from);
            if (close < 0 || (close === length - 1 && !final)) {
              if (!final) return start;
              // Unterminated quote at the end of the input: the rest is the cell.
              value += text.slice(from);
              i = length;
              break;
            }
            value += text.slice(from, close);
            if (text.charCodeAt(close + 1) === QUOTE) {
              value += '"';
              from = close + 2;
              continue;
            }
            i = close + 1;
            break;
          }
          extraLines += countLineEnds(value);
          // Text between the closing quote and the delimiter is kept as it is (lenient, like Excel).
          let j = i;
          while (j < length) {
            const code = text.charCodeAt(j);
            if (code === delimiter || code === CR || code === LF) break;
            j++;
          }
          if (j > i) {
            value += text.slice(i, j);
            i = j;
          }
          cell = value;
        } else {
          // Unquoted cell: up to the next delimiter or line end, found with the cached indexOf's.
          if (nextDelimiter !== -1 && nextDelimiter < i) nextDelimiter = text.indexOf(this.delimiter, i);
          if (nextLf !== -1 && nextLf < i) nextLf = text.indexOf('\n', i);
          if (nextCr !== -1 && nextCr < i) nextCr = text.indexOf('\r', i);
          let j = length;
          if (nextDelimiter >= 0 && nextDelimiter < j) j = nextDelimiter;
          if (nextLf >= 0 && nextLf < j) j = nextLf;
          if (nextCr >= 0 && nextCr < j) j = nextCr;
          cell = text.slice(i, j);
          i = j;
        }
        cells.push(cell);
        if (i >= length) {
          if (!final) return start;
          complete = true;
          i = length;
          break;
        }
        const code = text.charCodeAt(i);
        if (code === delimiter) {
          i++;
          if (i >= length && !final) return start;
          if (i >= length) {
            cells.push('');
            complete = true;
            break;
          }
          continue;
        }
        if (code === CR) {
          // A CR at the end of a chunk may be the first half of CRLF: wait for the next chunk.
          if (i + 1 >= length && !final) return start;
          i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        } else {
          i += 1;
        }
        complete = true;
        break;
      }
      if (!complete) return start;
      records.push({ cells, line: this.line });
      this.line += 1 + extraLines;
      start = i;
    }
    return start;
  }
}

/** CR, LF and CRLF each count once. */
function countLineEnds(value: string): number {
  if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) return 0;
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === LF) count++;
    else if (code === CR) {
      count++;
      if (value.charCodeAt(i + 1) === LF) i++;
    }
  }
  return count;
}

function unclosedRecord(line: number): CsvFileError {
  return new CsvFileError({
    reason: 'record_too_long',
    message: {
      en: `The row starting on line ${line} runs on for more than 1 MB: a quote (") in it is probably never closed. Check the quotes on that line.`,
      ja: `${line} 行目から始まる行が 1 MB を超えています。引用符（"）が閉じられていない可能性があります。その行の引用符を確認してください。`,
    },
  });
}
