import type { PartnerCenterClient } from '../../shared/partner-center/create-partner-center-client.ts';
import { PartnerCenterError } from '../../shared/partner-center/partner-center-error.ts';
import type { PartnerCenterPort } from './partner-center-port.ts';

/** Fits engineer B's HTTP client to the operations the row processor needs. */
export function adaptPartnerCenterClient(client: PartnerCenterClient): PartnerCenterPort {
  return {
    async domainExists(domain, context) {
      return !(await client.checkDomainAvailability(domain, context)).available;
    },
    relationshipRequestUrl: (context) => client.getRelationshipRequestUrl(context),
    validateAddress: (address, context) => client.validateAddress(address, context),
    catalogItem: (id, country, context) => client.getCatalogItem(id, country, context),
    createCustomer: (request, context) => client.createCustomer(request, context),
    async confirmCustomerAgreement(customerId, agreement, context) {
      const { dateAgreed, ...contact } = agreement;
      // 600061 (already confirmed) comes back as `alreadyConfirmed: true`: done either way.
      await client.confirmCustomerAgreement(customerId, { contact, dateAgreed }, context);
    },
    async createCart(customerId, lines, context) {
      return (await client.createCart(customerId, lines, context)).id;
    },
    async checkoutCart(customerId, cartId, context) {
      const result = await client.checkoutCart(customerId, cartId, context);
      if (result.orderErrors.length > 0) {
        const first = result.orderErrors[0]!;
        throw new PartnerCenterError({
          errorCode: 'order_rejected',
          retryable: false,
          ...(first.code === undefined ? {} : { pcCode: first.code }),
          message: `The checkout of cart ${cartId} refused ${result.orderErrors.length} order group(s): ${first.description ?? first.code ?? 'no reason given'}.`,
        });
      }
      return result.orders.map((order) => order.id);
    },
    async createLegacyOrder(customerId, lines, context) {
      return (await client.createOrder(customerId, lines, context)).id;
    },
    async findCustomersByDomain(domain, context) {
      const wanted = domain.toLowerCase();
      // The filter is "starts with": contoso also finds contoso2.
      const found = await client.listCustomers({ pageSize: 50, filter: { field: 'Domain', value: wanted } }, context);
      return found.filter((customer) => customer.domain === wanted);
    },
    listCustomerUsers: (customerId, context) => client.listCustomerUsers(customerId, context),
    resetCustomerUserPassword: (customerId, userId, password, context) => client.resetCustomerUserPassword(customerId, userId, password, context),
  };
}
