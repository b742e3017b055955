import type { ErrorCode } from '../../shared/errors/error-codes.ts';
import { isErrorCode } from '../../shared/errors/error-codes.ts';
import { DEFAULT_RETRY_AFTER_MS } from '../../shared/partner-center/throttled-error.ts';

/**
 * What the worker needs to know about an error thrown by the Partner Center client, read by
 * shape so that it works across module copies: the client's `PartnerCenterError` carries `errorCode`,
 * `retryable` and (for 429) `retryAfterMs`.
 */
export type PartnerCenterFailure =
  | { kind: 'throttled'; retryAfterMs: number }
  /** Nobody is signed in any more (`invalid_grant`): the queue waits for `pc-onboard login`. */
  | { kind: 'sign_in_required' }
  | { kind: 'retryable'; code: ErrorCode }
  | { kind: 'final'; code: ErrorCode }
  | { kind: 'unknown' };

export function readPartnerCenterFailure(error: unknown): PartnerCenterFailure {
  if (typeof error !== 'object' || error === null) return { kind: 'unknown' };
  const { errorCode, retryable, retryAfterMs, signInRequired } = error as { errorCode?: unknown; retryable?: unknown; retryAfterMs?: unknown; signInRequired?: unknown };
  if (signInRequired === true) return { kind: 'sign_in_required' };
  if (typeof errorCode !== 'string') return { kind: 'unknown' };
  if (errorCode === 'rate_limited') {
    return { kind: 'throttled', retryAfterMs: typeof retryAfterMs === 'number' && retryAfterMs >= 0 ? retryAfterMs : DEFAULT_RETRY_AFTER_MS };
  }
  const code: ErrorCode = isErrorCode(errorCode) ? errorCode : 'request_rejected';
  return retryable === true ? { kind: 'retryable', code } : { kind: 'final', code };
}
