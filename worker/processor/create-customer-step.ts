import { toCreateCustomerRequest } from '../../shared/partner-center/to-create-customer-request.ts';
import { findOwnCustomer } from './find-own-customer.ts';
import { isDomainAlreadyExists } from './lost-create-answer.ts';
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
 * `findOwnCustomer` rather than ending it `exists`.
 */
export async function createCustomerStep(context: RowContext, attemptedBefore: boolean): Promise<CreatedOrFound> {
  const request = toCreateCustomerRequest(context.record, context.cloud);
  try {
    const created = await context.partnerCenter.createCustomer(request, context.call('customer'));
    await context.vault.store(context.importId, context.row, { adminUser: created.adminUserName, password: created.adminPassword });
    return { customerId: created.id, adminUser: created.adminUserName, recovered: false };
  } catch (error) {
    if (!attemptedBefore || !isDomainAlreadyExists(error)) throw error;
    const own = await findOwnCustomer(context);
    // The domain is free again (nothing was created after all): the next attempt creates it.
    if (!own) throw error;
    context.logger.info({ importId: context.importId, row: context.row, customerId: own.customerId }, 'found the customer of a lost create answer');
    return { ...own, recovered: true };
  }
}
