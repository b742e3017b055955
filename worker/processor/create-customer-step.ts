import { toCreateCustomerRequest } from '../../shared/partner-center/to-create-customer-request.ts';
import { initialDomain } from '../../shared/partner-center/clouds.ts';
import { DomainFreeAgainError } from '../errors/domain-free-again-error.ts';
import { findOwnCustomer } from './find-own-customer.ts';
import { isDomainAlreadyExists, isLostAnswer } from './lost-create-answer.ts';
import type { RowContext } from './row-context.ts';

export interface CreatedOrFound {
  customerId: string;
  adminUser: string;
  /** True when the customer was found again after a lost answer: its password is still to reset. */
  recovered: boolean;
}

/**
 * Creates the customer with the row's deterministic request id and puts the password straight
 * into the vault. Where Partner Center replays the request id (docs/contracts/partner-center.md
 * §0.1), a retry after a lost answer gets the first answer, password included. Where it does not
 * (§0.16), the retry answers 409 DomainAlreadyExists: `attemptedBefore` then sends the row to
 * `findOwnCustomer` rather than ending it `exists`. A lost answer on the last attempt has no
 * retry to wait for: it goes to `findOwnCustomer` at once.
 */
export async function createCustomerStep(context: RowContext, attemptedBefore: boolean): Promise<CreatedOrFound> {
  const request = toCreateCustomerRequest(context.record, context.cloud);
  try {
    const created = await context.partnerCenter.createCustomer(request, context.call('customer'));
    await context.vault.store(context.importId, context.row, { adminUser: created.adminUserName, password: created.adminPassword });
    return { customerId: created.id, adminUser: created.adminUserName, recovered: false };
  } catch (error) {
    const refusedRetry = attemptedBefore && isDomainAlreadyExists(error);
    if (!refusedRetry && !(context.lastAttempt && isLostAnswer(error))) throw error;
    // Someone else's customer on the domain ends the row `exists` (DomainTakenError) in there.
    const own = await findOwnCustomer(context);
    if (!own) throw refusedRetry ? await domainFreeAgain(context, error) : error;
    context.logger.info({ importId: context.importId, row: context.row, customerId: own.customerId }, 'found the customer of a lost create answer');
    return { ...own, recovered: true };
  }
}

/**
 * The 409 was a definite refusal, and the domain is free now: the next attempt creates the
 * customer, with a new request id (`rid`), since one that replays (§0.1) would replay the 409.
 */
async function domainFreeAgain(context: RowContext, refusal: unknown): Promise<DomainFreeAgainError> {
  await context.store.transition(context.importId, context.row, { rid: (context.state.rid ?? 0) + 1 }, { gen: context.gen });
  return new DomainFreeAgainError(initialDomain(context.record.domain, context.cloud), refusal);
}
