import type { CreateCustomerRequest } from '../../shared/partner-center/to-create-customer-request.ts';
import type {
  AddressValidationResult,
  CallContext,
  CatalogItem,
  CreatedCustomer,
  OrderLine,
  PostalAddress,
} from '../../shared/partner-center/partner-center-client.ts';

/** The MCA attestation as sent (docs/contracts/partner-center-api.md §7.2). */
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
 * fits the HTTP client to it; tests may pass the same client pointed at the sandbox.
 * Failures throw the client's `PartnerCenterError` (stable `errorCode`, `retryable`, `retryAfterMs`).
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
}
