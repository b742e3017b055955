import { PartnerCenterError } from './partner-center-error.ts';

/**
 * A Partner Center answer did not match the contract's shape (zod). Fails loudly so that a
 * contract drift is noticed instead of writing half-read data. Not retryable.
 */
export class ResponseValidationError extends PartnerCenterError {
  override name = 'ResponseValidationError';
  /** One line per mismatch: `path: problem`. */
  readonly issues: string[];

  constructor(options: { method: string; url: string; status: number; issues: string[] }) {
    super({
      errorCode: 'response_invalid',
      retryable: false,
      status: options.status,
      method: options.method,
      url: options.url,
      message: `${options.method} ${options.url} answered ${options.status} with a body that does not match the contract: ${options.issues.join('; ')}`,
    });
    this.issues = options.issues;
  }
}

export function isResponseValidationError(error: unknown): error is ResponseValidationError {
  return error instanceof ResponseValidationError;
}
