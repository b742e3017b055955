import { readPartnerCenterFailure } from './partner-center-failure.ts';

/** True for Partner Center's 409 DomainAlreadyExists on the create call (docs/contracts/partner-center.md §0.2). */
export function isDomainAlreadyExists(error: unknown): boolean {
  const failure = readPartnerCenterFailure(error);
  return failure.kind === 'final' && failure.code === 'domain_taken';
}
