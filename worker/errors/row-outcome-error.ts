import type { ErrorField } from '../../shared/customer/canonical-keys.ts';
import type { ErrorCode } from '../../shared/errors/error-codes.ts';
import { ERROR_CODES } from '../../shared/errors/error-codes.ts';
import type { LocalizedMessage } from '../../shared/i18n/localized-message.ts';
import { WorkerError } from './worker-error.ts';

/**
 * A row reached a final non-success status during processing (`invalid` from a read-only check,
 * `failed` from a refused request). The processor records it and ends the job as
 * `UnrecoverableError`, so BullMQ does not retry it.
 */
export class RowOutcomeError extends WorkerError {
  readonly code: ErrorCode;
  readonly field: ErrorField | undefined;
  readonly localized: LocalizedMessage;

  constructor(code: ErrorCode, localized: LocalizedMessage, field?: ErrorField, options?: ErrorOptions) {
    super(`${code}: ${localized.en}`, options);
    this.name = 'RowOutcomeError';
    this.code = code;
    this.field = field;
    this.localized = localized;
  }

  /** `invalid`, `failed`, … as ERROR_CODES says for this code. */
  get status() {
    return ERROR_CODES[this.code].status;
  }
}

export function isRowOutcomeError(error: unknown): error is RowOutcomeError {
  return error instanceof RowOutcomeError;
}
