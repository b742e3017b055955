import { WorkerError } from './worker-error.ts';

/**
 * A retried create was refused with 409 DomainAlreadyExists, yet the domain check that followed
 * found the domain free: nothing of this row's exists (docs/contracts/partner-center.md §0.16), so
 * the row is not `exists`. Read like the client's retryable errors (`errorCode`, `retryable`):
 * the next attempt creates the customer; when attempts run out the row ends `failed`.
 */
export class DomainFreeAgainError extends WorkerError {
  readonly errorCode = 'request_rejected';
  readonly retryable = true;

  constructor(domain: string, cause: unknown) {
    super(`The create was refused because ${domain} existed, but ${domain} is free now; nothing was created.`, { cause });
    this.name = 'DomainFreeAgainError';
  }
}
