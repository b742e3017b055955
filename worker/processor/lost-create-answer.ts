import { readPartnerCenterFailure } from './partner-center-failure.ts';

/**
 * True when a create call may have committed without us seeing the answer: a timeout, a 5xx or a
 * connection that closed (the client reports those as retryable `timeout`/`upstream_error`).
 */
export function isLostCreateAnswer(error: unknown): boolean {
  const failure = readPartnerCenterFailure(error);
  return failure.kind === 'retryable' && (failure.code === 'timeout' || failure.code === 'upstream_error');
}

/** True for Partner Center's 409 DomainAlreadyExists on the create call (docs/contracts/partner-center-api.md §0.2). */
export function isDomainAlreadyExists(error: unknown): boolean {
  const failure = readPartnerCenterFailure(error);
  return failure.kind === 'final' && failure.code === 'domain_taken';
}
