import { domainSuffixOf } from '../partner-center/domain-suffix.ts';
import { RowOutcomeError } from '../errors/row-outcome-error.ts';
import { ROW_MESSAGES } from './row-messages.ts';
import type { RowContext } from './row-context.ts';

/** A domain that already belongs to a tenant: the row ends `exists` with the relationship link. */
export class DomainTakenError extends RowOutcomeError {
  readonly relationshipUrl: string;

  constructor(domain: string, relationshipUrl: string) {
    super('domain_taken', ROW_MESSAGES.domainTaken(domain), 'domain');
    this.name = 'DomainTakenError';
    this.relationshipUrl = relationshipUrl;
  }
}

export function isDomainTakenError(error: unknown): error is DomainTakenError {
  return error instanceof DomainTakenError;
}

/** HEAD the initial domain; throws `DomainTakenError` when it exists. */
export async function checkDomain(context: RowContext): Promise<void> {
  const domain = `${context.record.domain}.${domainSuffixOf(context.cloud)}`;
  if (!(await context.partnerCenter.domainExists(domain, context.call()))) return;
  throw new DomainTakenError(domain, await context.partnerCenter.relationshipRequestUrl(context.call()));
}
