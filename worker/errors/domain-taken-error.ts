import { ROW_MESSAGES } from '../processor/row-messages.ts';
import { RowOutcomeError } from './row-outcome-error.ts';

/** The domain already belongs to a tenant: the row ends `exists` with the relationship link. */
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
