import { DomainTakenError } from '../errors/domain-taken-error.ts';
import { initialDomain } from '../../shared/partner-center/clouds.ts';
import { CUSTOMER_VISIBILITY_WINDOW_MS, CustomerNotVisibleYetError } from './customer-visibility.ts';
import type { RowContext } from './row-context.ts';
import { sameText } from './same-text.ts';

/** The row's own customer, found again after its create answer was lost. */
export interface OwnCustomer {
  customerId: string;
  adminUser: string;
}

/**
 * After a create that may have committed without our seeing it (docs/contracts/partner-center.md
 * §0.16): HEAD the domain; free → `undefined` (nothing was created, create again). Taken → look
 * the customer up by domain (§11) and take it as the row's own when it has the row's company
 * name. It was created after the row's first create attempt: neither the list nor any read of
 * the client gives a creation time, so the row's domain check, which found the domain free before
 * that attempt, stands in for it (§0.16). A taken domain whose customer is someone else's ends the
 * row `exists` (`DomainTakenError`).
 */
export async function findOwnCustomer(context: RowContext): Promise<OwnCustomer | undefined> {
  const { record, partnerCenter } = context;
  const domain = initialDomain(record.domain, context.cloud);
  if ((await partnerCenter.checkDomainAvailability(domain, context.call())).available) return undefined;
  // The filter is "starts with": contoso also finds contoso2.
  const listed = await partnerCenter.listCustomers({ pageSize: 50, filter: { field: 'Domain', value: domain } }, context.call());
  const candidates = listed.filter((customer) => customer.domain === domain.toLowerCase());
  // Without a company name the customer cannot be told from someone else's (the client has no
  // read of one customer that could give it): not ours.
  const ours = candidates.find((customer) => sameText(customer.companyName, record.company_name));
  if (ours) return { customerId: ours.id, adminUser: `admin@${domain}` };
  // The list may lag behind the domain check like every read of a new customer (§0.15); this
  // attempt's create was refused because the customer exists, or may have made it, so it is
  // at most this old.
  const age = Date.now() - Date.parse(context.attemptStartedAt);
  if (candidates.length === 0 && age >= 0 && age < CUSTOMER_VISIBILITY_WINDOW_MS) throw new CustomerNotVisibleYetError(age, undefined);
  throw new DomainTakenError(domain, await partnerCenter.getRelationshipRequestUrl(context.call()));
}
