/**
 * The operations the worker needs from Partner Center (partner-center-api.md). The HTTP
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
