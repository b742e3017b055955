import { toCreateCustomerRequest } from '../../shared/partner-center/to-create-customer-request.ts';
import type { RowContext } from './row-context.ts';

/**
 * Creates the customer with the row's deterministic request id (a replay returns the first
 * answer, password included) and puts the password straight into the vault.
 */
export async function createCustomerStep(context: RowContext): Promise<{ customerId: string; adminUser: string }> {
  const request = toCreateCustomerRequest(context.record, context.cloud);
  const created = await context.partnerCenter.createCustomer(request, context.call('customer'));
  await context.vault.store(context.importId, context.row, { adminUser: created.adminUserName, password: created.adminPassword });
  return { customerId: created.id, adminUser: created.adminUserName };
}
