import { DomainTakenError } from '../errors/domain-taken-error.ts';
import { initialDomain } from '../../shared/partner-center/clouds.ts';
import type { RowContext } from './row-context.ts';

/** HEAD the initial domain; throws `DomainTakenError` (with the relationship link) when it exists. */
export async function checkDomain(context: RowContext): Promise<void> {
  const domain = initialDomain(context.record.domain, context.cloud);
  if ((await context.partnerCenter.checkDomainAvailability(domain, context.call())).available) return;
  throw new DomainTakenError(domain, await context.partnerCenter.getRelationshipRequestUrl(context.call()));
}
