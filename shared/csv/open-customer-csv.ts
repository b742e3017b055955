import type { CanonicalKey } from '../customer/canonical-keys.ts';
import { checkHeader } from './check-header.ts';
import { createRowClassifier } from './create-row-classifier.ts';
import { isCsvFileError } from './csv-file-error.ts';
import type { CsvHeaderInfo, CsvRow } from './csv-row.ts';
import { CsvRecordReader, type CsvRecord } from './csv-record-reader.ts';
import { decodeByteStream, type ByteSource } from './decode-byte-stream.ts';
import { chooseDelimiter } from './detect-delimiter.ts';
import { mapHeader } from './map-header.ts';
import { isBlankRecord } from './is-blank-record.ts';
import { emptyFile, readCsvHead } from './read-csv-head.ts';
import { unbalancedQuotesProblem } from './unbalanced-quotes-problem.ts';
import { unescapeCell } from './unescape-cell.ts';
import { trackEmptyUnnamedColumns } from './empty-unnamed-columns.ts';
import type { CloudName } from '../partner-center/clouds.ts';

export type { ByteSource } from './decode-byte-stream.ts';

export interface OpenCustomerCsvOptions {
  /** Overrides detection: one of `CSV_ENCODINGS` (or a name `resolveEncodingName` knows). */
  encoding?: string;
  /** Overrides the automatic header mapping (one entry per header column). */
  keys?: (CanonicalKey | null)[];
  /** The current time for the MCA date rule; injected by tests. @default new Date() */
  now?: Date;
  /**
   * The import's cloud: the MCA-before-purchases rule holds in the global cloud only, and a domain
   * cell may end with this cloud's initial-domain suffix only. @default 'global'
   */
  cloud?: CloudName;
}

/** An opened customer CSV: the header is known, the rows stream on demand. */
export interface CustomerCsv {
  header: CsvHeaderInfo;
  /** The data rows in file order. Call once; may throw `CsvFileError` (`undecodable`) mid-file. */
  rows(): AsyncIterable<CsvRow>;
  /** Blank lines seen (docs/contracts/csv.md §2), before and after the header; final once `rows()` is consumed. */
  readonly blankLines: number;
  /**
   * Columns with an empty header whose cells were all empty: docs/contracts/csv.md §3 ignores them, so
   * pass them to `writeResultsCsv({ omitColumns })`. Final once `rows()` is consumed.
   */
  readonly emptyUnnamedColumns: number[];
}

/** Rows classified at a time: enough to amortise the async hand-out, few enough to die young. */
const ROWS_PER_BATCH = 64;
/**
 * The most text handed to the record reader at once, in characters. A decoded chunk can hold
 * thousands of records; parsed all at once they outlive a few young-generation collections and
 * get copied and promoted. Parsing a slice at a time keeps the live records few.
 */
const PARSE_SLICE_CHARACTERS = 32 * 1024;

/**
 * Opens a customer CSV (docs/contracts/csv.md §1–§3) from a byte stream with constant memory: detects
 * the encoding and the delimiter, reads and checks the header, then streams classified rows.
 * Throws `CsvFileError` when the file as a whole is refused.
 *
 * @example
 * const csv = await openCustomerCsv(createReadStream(path));
 * for await (const row of csv.rows()) console.log(row.row, row.outcome.ok);
 */
export async function openCustomerCsv(source: ByteSource, options: OpenCustomerCsvOptions = {}): Promise<CustomerCsv> {
  const decoded = await decodeByteStream(source, options.encoding);
  if (decoded.empty) throw emptyFile();
  const chunks = decoded.chunks;

  const { text: headText, ended, candidates } = await readCsvHead(chunks);
  const delimiter = chooseDelimiter(candidates);

  const reader = new CsvRecordReader(delimiter);
  const queued = reader.push(headText);
  if (ended) queued.push(...reader.end());
  let blankLines = 0;
  let headerIndex = 0;
  const headerLine = candidates.get(delimiter)?.line ?? 1;
  while (headerIndex < queued.length && queued[headerIndex]!.line < headerLine) {
    blankLines++;
    headerIndex++;
  }
  const headerRecord = queued[headerIndex];
  if (!headerRecord) throw emptyFile();
  const columns = headerRecord.cells;
  const automatic = options.keys === undefined;
  const keys = options.keys
    ? columns.map((_, index) => options.keys?.[index] ?? null)
    : mapHeader(columns).keys;
  const header: CsvHeaderInfo = { columns, keys, encoding: decoded.encoding, delimiter };
  try {
    checkHeader(columns, keys, automatic);
  } catch (error) {
    // The mapping UI needs the header to let the user fix a missing or doubled column.
    throw isCsvFileError(error) ? error.withHeader(header) : error;
  }

  const classify = createRowClassifier(header, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.cloud ? { cloud: options.cloud } : {}),
    encoding: decoded.currentEncoding,
  });
  let rowNumber = 0;
  let consumed = false;
  const emptyUnnamed = trackEmptyUnnamedColumns(columns);

  // Records of the current chunk not yet classified: rows are classified a few at a time, as they
  // are asked for, so that a garbage collection finds few live rows to copy or promote, and rows
  // a consumer never asks for (it stopped early) are never validated.
  let records: CsvRecord[] = queued;
  let nextRecord = headerIndex + 1;
  let mayHaveEscapes = reader.lastRecordsMayHaveApostrophe;
  let finished = ended;
  // What is left of the current decoded chunk, not yet given to the reader.
  let unparsed = '';

  /** Classifies up to ROWS_PER_BATCH records into `out`; blank ones are counted, not numbered. */
  function classifyRecords(out: CsvRow[]): void {
    const end = Math.min(records.length, nextRecord + ROWS_PER_BATCH);
    for (; nextRecord < end; nextRecord++) {
      const record = records[nextRecord]!;
      const cells = record.cells;
      if (isBlankRecord(cells)) {
        blankLines++;
        continue;
      }
      if (mayHaveEscapes) {
        for (let cell = 0; cell < cells.length; cell++) {
          // Only a cell that starts with ' can carry formula escaping.
          if (cells[cell]!.charCodeAt(0) === 39) cells[cell] = unescapeCell(cells[cell]!);
        }
      }
      emptyUnnamed.observe(cells);
      rowNumber++;
      if (record.unbalancedQuotes) {
        // Not validated: its cells are not what the user meant, and it claims no domain.
        while (cells.length < columns.length) cells.push('');
        out.push({ row: rowNumber, line: record.line, cells, outcome: { ok: false, status: 'invalid', problem: unbalancedQuotesProblem(record.line) } });
        continue;
      }
      out.push(classify(cells, rowNumber, record.line));
    }
  }

  // A hand-written iterator rather than an async generator: rows are handed out from a small
  // array, which costs far less per row than `yield` in an async generator.
  let batch: CsvRow[] = [];
  let position = 0;

  /** The next slice of `unparsed`, at most PARSE_SLICE_CHARACTERS long. */
  function takeSlice(): string {
    if (unparsed.length <= PARSE_SLICE_CHARACTERS) {
      const slice = unparsed;
      unparsed = '';
      return slice;
    }
    const slice = unparsed.slice(0, PARSE_SLICE_CHARACTERS);
    unparsed = unparsed.slice(PARSE_SLICE_CHARACTERS);
    return slice;
  }

  async function nextBatch(): Promise<void> {
    batch = [];
    position = 0;
    while (batch.length === 0) {
      if (nextRecord < records.length) {
        classifyRecords(batch);
        continue;
      }
      if (unparsed !== '') {
        records = reader.push(takeSlice());
      } else {
        if (finished) return;
        const next = await chunks.next();
        if (next.done) {
          records = reader.end();
          finished = true;
        } else {
          unparsed = next.value;
          records = reader.push(takeSlice());
        }
      }
      nextRecord = 0;
      mayHaveEscapes = reader.lastRecordsMayHaveApostrophe;
    }
  }

  /** The next row of the batch, or done when `nextBatch` found none. */
  function takeRow(): IteratorResult<CsvRow> {
    if (position < batch.length) return { done: false, value: batch[position++]! };
    return { done: true, value: undefined };
  }

  const iterator: AsyncIterator<CsvRow> = {
    // Not an async function: a row of the current batch costs one settled promise, without the
    // suspended-function object an async call allocates every time.
    next() {
      if (position < batch.length) return Promise.resolve(takeRow());
      return nextBatch().then(takeRow);
    },
    async return() {
      finished = true;
      batch = [];
      records = [];
      unparsed = '';
      await chunks.return(undefined);
      return { done: true, value: undefined };
    },
  };

  return {
    header,
    get blankLines() {
      return blankLines;
    },
    get emptyUnnamedColumns() {
      return emptyUnnamed.columns();
    },
    rows() {
      if (consumed) throw new Error('CustomerCsv.rows() can be iterated only once.');
      consumed = true;
      return { [Symbol.asyncIterator]: () => iterator };
    },
  };
}
