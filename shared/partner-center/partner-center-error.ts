import type { ErrorCode } from '../errors/error-codes.ts';
import type { CanonicalKey } from '../customer/canonical-keys.ts';

export interface PartnerCenterErrorOptions {
  errorCode: ErrorCode;
  message: string;
  retryable: boolean;
  /** HTTP status, when Partner Center answered. */
  status?: number;
  /** Partner Center's own error code (`600061`, `DomainAlreadyExists`, …). */
  pcCode?: number | string;
  /** Partner Center's own description. */
  pcMessage?: string;
  method?: string;
  url?: string;
  /** The CSV column the failure is about, when Partner Center names one (e.g. a missing phone). */
  field?: CanonicalKey;
  cause?: unknown;
}

/**
 * A failed Partner Center call, with a stable `errorCode` for the row (docs/contracts/csv.md §5),
 * whether retrying may help, and what Partner Center said. Subclasses: ThrottledError,
 * PartnerCenterTimeoutError, ResponseValidationError, CloudRetiredError.
 *
 * @example
 * try { await client.createCustomer(body, ctx); }
 * catch (error) { if (isPartnerCenterError(error) && error.errorCode === 'domain_taken') … }
 */
export class PartnerCenterError extends Error {
  override name = 'PartnerCenterError';
  readonly errorCode: ErrorCode;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly pcCode: number | string | undefined;
  readonly pcMessage: string | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly field: CanonicalKey | undefined;

  constructor(options: PartnerCenterErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.errorCode = options.errorCode;
    this.retryable = options.retryable;
    this.status = options.status;
    this.pcCode = options.pcCode;
    this.pcMessage = options.pcMessage;
    this.method = options.method;
    this.url = options.url;
    this.field = options.field;
  }
}

export function isPartnerCenterError(error: unknown): error is PartnerCenterError {
  return error instanceof PartnerCenterError;
}
