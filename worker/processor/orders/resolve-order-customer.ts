import { initialDomain } from '../../../shared/partner-center/clouds.ts';
import type { Subscription } from '../../../shared/partner-center/partner-center-client.ts';
import type { OrderCustomer } from '../../../shared/orders/validate-order.ts';
import { RowOutcomeError } from '../../errors/row-outcome-error.ts';
import type { OrderRowContext } from './order-row-context.ts';
import { ORDER_MESSAGES } from './order-messages.ts';

/**
 * The customer an orders row names, with its subscriptions read once (docs/contracts/csv.md §6):
 * a tenant id is read directly (its subscriptions; 404 = not the partner's customer), a domain is
 * looked up among the partner's customers by its exact initial domain. Not found → the row is
 * `invalid`.
 */
export async function resolveOrderCustomer(context: OrderRowContext, customer: OrderCustomer): Promise<{ customerId: string; subscriptions: Subscription[] }> {
  const { partnerCenter } = context;
  let customerId = customer.value;
  if (customer.kind === 'domain') {
    const domain = initialDomain(customer.value, context.cloud).toLowerCase();
    // The filter is "starts with": contoso also finds contoso2.
    const listed = await partnerCenter.listCustomers({ pageSize: 50, filter: { field: 'Domain', value: domain } }, context.call());
    const found = listed.find((candidate) => candidate.domain.toLowerCase() === domain);
    if (!found) throw new RowOutcomeError('invalid_customer', ORDER_MESSAGES.customerNotFound({ kind: 'domain', value: domain }), 'customer');
    customerId = found.id;
  }
  try {
    return { customerId, subscriptions: await partnerCenter.listSubscriptions(customerId, context.call()) };
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) throw new RowOutcomeError('invalid_customer', ORDER_MESSAGES.customerNotFound(customer), 'customer', { cause: error });
    throw error;
  }
}
