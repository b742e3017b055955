import type { LocalizedMessage } from '../i18n/localized-message.ts';
import type { CsvHeaderInfo } from './csv-row.ts';

/** Why a whole file was refused (docs/contracts/csv.md §3). Stable codes: the API and the UI switch on them. */
export type CsvFileErrorReason =
  | 'empty_file'
  | 'no_header'
  | 'missing_column'
  | 'duplicate_column'
  | 'undecodable'
  | 'not_text'
  | 'unknown_encoding'
  | 'record_too_long';

export interface CsvFileErrorDetails {
  reason: CsvFileErrorReason;
  message: LocalizedMessage;
  /** The header cell(s) concerned: the missing canonical key, or both duplicate headers. */
  columns?: string[];
  /** For `missing_column`: the header present that is closest to the missing name. */
  suggestion?: string;
  /** For header errors (`no_header`, `missing_column`, `duplicate_column`): the header as read, so a UI can offer a mapping. */
  header?: CsvHeaderInfo;
}

/**
 * The one error the CSV reader throws: the file as a whole is refused and no row was processed.
 * `message` is the English sentence; `localized` carries EN and JA.
 */
export class CsvFileError extends Error {
  readonly reason: CsvFileErrorReason;
  readonly localized: LocalizedMessage;
  readonly columns: string[];
  readonly suggestion: string | undefined;
  readonly header: CsvHeaderInfo | undefined;

  constructor(details: CsvFileErrorDetails, options?: { cause?: unknown }) {
    super(details.message.en, options);
    this.name = 'CsvFileError';
    this.reason = details.reason;
    this.localized = details.message;
    this.columns = details.columns ?? [];
    this.suggestion = details.suggestion;
    this.header = details.header;
  }

  /** The same error with the header it concerns attached. */
  withHeader(header: CsvHeaderInfo): CsvFileError {
    const details: CsvFileErrorDetails = { reason: this.reason, message: this.localized, columns: this.columns, header };
    if (this.suggestion !== undefined) details.suggestion = this.suggestion;
    return new CsvFileError(details, { cause: this.cause });
  }
}

export function isCsvFileError(error: unknown): error is CsvFileError {
  return error instanceof CsvFileError;
}
