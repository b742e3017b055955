import type { CreateCustomerRequest } from '../../shared/customer/to-create-customer-request.ts';
import type {
  AddressValidationResult,
  CallContext,
  CatalogItem,
  CreatedCustomer,
  ListedCustomer,
  OrderLine,
  PostalAddress,
} from '../../shared/partner-center/partner-center-client.ts';

/** The MCA attestation as sent (partner-center-api.md §7.2). */
export interface AgreementConfirmation {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber?: string;
  /** UTC date-time, never in the future. */
  dateAgreed: string;
}

/**
 * The Partner Center operations the row processor needs, no more. `adaptPartnerCenterClient`
 * fits engineer B's HTTP client to it; tests may pass the same client pointed at the sandbox.
 * Failures throw B's `PartnerCenterError` (stable `errorCode`, `retryable`, `retryAfterMs`).
 */
export interface PartnerCenterPort {
  /** HEAD /v1/domains/{domain}: true when the full domain already belongs to a tenant. */
  domainExists(domain: string, context: CallContext): Promise<boolean>;
  /** GET /v1/customers/relationshiprequests: the link to send to an existing tenant. */
  relationshipRequestUrl(context: CallContext): Promise<string>;
  validateAddress(address: PostalAddress, context: CallContext): Promise<AddressValidationResult>;
  /** The catalog item or legacy offer for a country; undefined when it is not in the catalog. */
  catalogItem(id: string, country: string, context: CallContext): Promise<CatalogItem | undefined>;
  createCustomer(request: CreateCustomerRequest, context: CallContext): Promise<CreatedCustomer>;
  /** Confirms the MCA; an "already exists" answer (600061) counts as done. */
  confirmCustomerAgreement(customerId: string, agreement: AgreementConfirmation, context: CallContext): Promise<void>;
  /** POST carts; returns the cart id. */
  createCart(customerId: string, lines: OrderLine[], context: CallContext): Promise<string>;
  /** POST carts/{id}/checkout; returns the order ids. */
  checkoutCart(customerId: string, cartId: string, context: CallContext): Promise<string[]>;
  /** POST orders for legacy offers; returns the order id. */
  createLegacyOrder(customerId: string, lines: OrderLine[], context: CallContext): Promise<string>;
  /** GET /v1/customers filtered on Domain: the customers whose initial domain is exactly `domain` (§11). */
  findCustomersByDomain(domain: string, context: CallContext): Promise<ListedCustomer[]>;
  /** GET /v1/customers/{id}/users (§0.17). */
  listCustomerUsers(customerId: string, context: CallContext): Promise<{ id: string; userPrincipalName: string }[]>;
  /** PATCH …/users/{userId}/resetpassword (§0.17): the password is set, to be changed at next sign-in. */
  resetCustomerUserPassword(customerId: string, userId: string, password: string, context: CallContext): Promise<void>;
}
