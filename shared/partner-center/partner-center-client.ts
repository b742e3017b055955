/**
 * The operations the worker needs from Partner Center (docs/contracts/partner-center.md). The HTTP
 * implementation (`createPartnerCenterClient`) talks to the real service or to the sandbox;
 * both speak the same contract, so the worker never knows which one it has.
 *
 * Every call takes a `CallContext`. A call that fails throws a `PartnerCenterError`
 * (see ./partner-center-error.ts) carrying a stable `errorCode`, `retryable` and, for 429,
 * `retryAfterMs`.
 */
export interface CallContext {
  /** Idempotency key (GUID). The worker derives it from import id + row + step, so a retry replays. */
  requestId?: string;
  /** Tracing id per import (GUID). */
  correlationId?: string;
  /** Defaults to `en-US`. */
  locale?: string;
  signal?: AbortSignal;
}

export type AddressValidationStatus =
  | 'VerifiedShippable'
  | 'Verified'
  | 'InteractionRequired'
  | 'StreetPartial'
  | 'PremisesPartial'
  | 'Multiple'
  | 'None'
  | 'NotValidated';

export interface PostalAddress {
  addressLine1: string;
  addressLine2?: string;
  addressLine3?: string;
  city: string;
  state?: string;
  postalCode?: string;
  country: string;
}

export interface AddressValidationResult {
  status: AddressValidationStatus;
  suggestedAddresses: PostalAddress[];
  validationMessage?: string;
}

export interface CreatedCustomer {
  /** The customer tenant id. */
  id: string;
  /** `<prefix>.onmicrosoft.com` (or the cloud's suffix). */
  domain: string;
  /** Full sign-in name, `admin@<domain>`. */
  adminUserName: string;
  /** Shown once; the worker encrypts it at once and never logs or returns it. */
  adminPassword: string;
}

export interface CatalogItem {
  /** Upper-case catalog item id or legacy offer GUID. */
  id: string;
  name: string;
  kind: 'new-commerce' | 'legacy' | 'azure-plan';
  terms: ('P1M' | 'P1Y' | 'P3Y')[];
  billingCycles: ('monthly' | 'annual')[];
}

export interface OrderLine {
  id: string;
  quantity: number;
  term?: 'P1M' | 'P1Y' | 'P3Y';
  billingCycle?: 'monthly' | 'annual';
}

/** The signer of the MCA attestation (docs/contracts/partner-center.md §7.2). */
interface AgreementContact {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber?: string;
}

export interface ConfirmAgreementInput {
  contact: AgreementContact;
  /** `YYYY-MM-DD` or an ISO date-time; a moment in the future is sent as now (600002 otherwise). */
  dateAgreed: string | Date;
  /** Defaults to the MCA template id fetched (and cached) from GET /v1/agreements. */
  templateId?: string;
}

/** A partner-confirmed agreement of a customer as GET /v1/customers/{id}/agreements lists it (§0.20). */
export interface ConfirmedAgreement {
  type?: string;
  templateId: string;
  dateAgreed: string;
  contact: { firstName?: string; lastName?: string; email?: string };
}

/** `alreadyConfirmed` is true when Partner Center answered 600061: an attestation already exists. */
export interface AgreementConfirmation {
  alreadyConfirmed: boolean;
  templateId: string;
  dateAgreed?: string;
}

interface PlacedOrderLine {
  offerId: string;
  quantity: number;
  subscriptionId?: string;
  termDuration?: string;
}

export interface PlacedOrder {
  id: string;
  status?: string;
  billingCycle?: string;
  /** When Partner Center created the order (ISO, §8): tells an order of this attempt from older ones (§0.20). */
  creationDate?: string;
  lineItems: PlacedOrderLine[];
}

export interface Cart {
  id: string;
  status: string;
  lineItems: { id: number; catalogItemId: string; quantity: number; billingCycle: string; termDuration?: string }[];
}

/**
 * A customer's subscription (docs/contracts/partner-center.md §0.19). `resource` is the whole
 * answer as read: a quantity change sends it back with the new quantity, and `etag` as If-Match.
 */
export interface Subscription {
  id: string;
  /** Upper-case; its first two parts (`PRODUCT:SKU`) name the item whatever follows them. */
  offerId: string;
  offerName?: string;
  quantity: number;
  status: string;
  term?: string;
  billingCycle?: string;
  etag?: string;
  resource: Record<string, unknown>;
}

/** A customer as GET /v1/customers lists it (§11): no credentials. */
export interface ListedCustomer {
  /** The customer tenant id. */
  id: string;
  domain: string;
  companyName?: string;
  relationshipToPartner?: string;
}

/** What to list: page size (1–500) and an optional starts-with search on one field. */
export interface ListCustomersOptions {
  /** @default 500 */
  pageSize?: number;
  filter?: { field: 'CompanyName' | 'Domain' | 'IndirectReseller' | 'IndirectCloudSolutionProvider'; value: string };
}
