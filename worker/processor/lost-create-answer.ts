import { readPartnerCenterFailure } from './partner-center-failure.ts';

/** True for Partner Center's 409 DomainAlreadyExists on the create call (docs/contracts/partner-center.md §0.2). */
export function isDomainAlreadyExists(error: unknown): boolean {
  const failure = readPartnerCenterFailure(error);
  return failure.kind === 'final' && failure.code === 'domain_taken';
}

/**
 * True when the call failed without an answer we could read — a timeout, a 5xx, a connection
 * reset (the client's retryable `timeout` and `upstream_error`): Partner Center may have
 * committed it all the same (docs/contracts/partner-center.md §0.16). A 429 or a refusal was
 * never carried out.
 */
export function isLostAnswer(error: unknown): boolean {
  const failure = readPartnerCenterFailure(error);
  return failure.kind === 'retryable' && (failure.code === 'timeout' || failure.code === 'upstream_error');
}
