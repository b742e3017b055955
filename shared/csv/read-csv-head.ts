import { CsvFileError, isCsvFileError } from './csv-file-error.ts';
import { CsvRecordReader, MAX_RECORD_CHARACTERS, type CsvDelimiter, type CsvRecord } from './csv-record-reader.ts';
import { DELIMITERS } from './detect-delimiter.ts';
import { isBlankRecord } from './is-blank-record.ts';

/** The start of a decoded CSV: enough text for every delimiter to show its first non-blank record. */
export interface CsvHead {
  /** The text read so far; the rows reader starts from it. */
  text: string;
  /** Whether the input ended within `text`. */
  ended: boolean;
  /** Each delimiter's first non-blank record, for the delimiters that have one. */
  candidates: Map<CsvDelimiter, CsvRecord>;
}

/** The refusal of a file with no bytes, or only blank lines. */
export function emptyFile(): CsvFileError {
  return new CsvFileError({
    reason: 'empty_file',
    message: {
      en: 'The file is empty (no bytes, or only blank lines). Export the spreadsheet again with its header line and rows.',
      ja: 'ファイルが空です（データがないか、空行のみです）。ヘッダー行とデータを含めて、もう一度エクスポートしてください。',
    },
  });
}

const ANY_DELIMITER = /[,;\t]/g;
/** The most text handed to the record reader at once while looking for the header (see `firstNonBlank`). */
const HEAD_SLICE_CHARACTERS = 32 * 1024;

/**
 * Reads decoded text until every delimiter has seen a complete first non-blank record, or the
 * input ends (docs/contracts/csv.md §1, delimiter detection). Shared by the customer and the
 * orders reader. Throws `record_too_long` when no delimiter finds a record in the longest record
 * allowed, and `empty_file` when the input has none at all.
 */
export async function readCsvHead(chunks: AsyncIterator<string>): Promise<CsvHead> {
  let text = '';
  let ended = false;
  const candidates = new Map<CsvDelimiter, CsvRecord>();
  while (candidates.size < DELIMITERS.length) {
    const next = await chunks.next();
    if (next.done) ended = true;
    else text += next.value;
    candidates.clear();
    for (const delimiter of DELIMITERS) {
      const record = firstNonBlank(delimiter, text, ended);
      if (record) candidates.set(delimiter, record);
    }
    if (ended) break;
    // A quote that never closes would otherwise make a delimiter wait for the whole file.
    if (text.length > MAX_RECORD_CHARACTERS) {
      if (candidates.size > 0) break;
      new CsvRecordReader(',').push(text); // throws `record_too_long`, naming the line
      throw emptyFile();
    }
  }
  if (candidates.size === 0) throw emptyFile();
  return { text, ended, candidates };
}

/**
 * The first non-blank record of `text` for one delimiter, if complete. A line of only delimiters
 * (`,,,` or `;;;`) is blank whichever delimiter is tried, so it never passes for the header.
 * The text is read a slice at a time up to that record: a file given as one chunk (the side
 * panel reads a file whole) is not parsed whole once per delimiter, and a delimiter under which a
 * quote never closes (`"Contoso, Ltd"` read with `;`) simply has no first record.
 */
function firstNonBlank(delimiter: CsvDelimiter, text: string, final: boolean): CsvRecord | undefined {
  const reader = new CsvRecordReader(delimiter);
  const nonBlank = (record: CsvRecord) => !isBlankRecord(record.cells.map((cell) => cell.replace(ANY_DELIMITER, '')));
  try {
    for (let start = 0; start < text.length; start += HEAD_SLICE_CHARACTERS) {
      const found = reader.push(text.slice(start, start + HEAD_SLICE_CHARACTERS)).find(nonBlank);
      if (found) return found;
    }
    return final ? reader.end().find(nonBlank) : undefined;
  } catch (error) {
    if (isCsvFileError(error) && error.reason === 'record_too_long') return undefined;
    throw error;
  }
}
