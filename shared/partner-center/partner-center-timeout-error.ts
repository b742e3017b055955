import { PartnerCenterError } from './partner-center-error.ts';

/**
 * Partner Center did not answer within the client's timeout. Retryable with the same
 * MS-RequestId (docs/contracts/partner-center.md §0.1), so a create that did land is replayed, not repeated.
 */
export class PartnerCenterTimeoutError extends PartnerCenterError {
  override name = 'PartnerCenterTimeoutError';
  readonly timeoutMs: number;

  constructor(options: { method: string; url: string; timeoutMs: number; cause?: unknown }) {
    super({
      errorCode: 'timeout',
      retryable: true,
      method: options.method,
      url: options.url,
      cause: options.cause,
      message: `${options.method} ${options.url} did not answer within ${options.timeoutMs} ms.`,
    });
    this.timeoutMs = options.timeoutMs;
  }
}

export function isPartnerCenterTimeoutError(error: unknown): error is PartnerCenterTimeoutError {
  return error instanceof PartnerCenterTimeoutError;
}
