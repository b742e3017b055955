import type { CreateCustomerRequest } from './to-create-customer-request.ts';
import { resolveCloud, type CloudConfig, type CloudName } from './clouds.ts';
import type {
  AddressValidationResult,
  AgreementConfirmation,
  CallContext,
  CatalogItem,
  ConfirmAgreementInput,
  ConfirmedAgreement,
  Cart,
  CreatedCustomer,
  ListCustomersOptions,
  ListedCustomer,
  OrderLine,
  PlacedOrder,
  PostalAddress,
  Subscription,
} from './partner-center-client.ts';
import { PartnerCenterError, isPartnerCenterError } from './partner-center-error.ts';
import { readAnswer, sendRequest, type RequestCore } from './internal/send-request.ts';
import { listCatalog, getCatalogItem } from './internal/catalog-calls.ts';
import { toPlacedOrder } from './internal/to-placed-order.ts';
import { listCustomers } from './internal/list-customers.ts';
import { listOrders } from './internal/order-calls.ts';
import { getCart, toCart } from './internal/cart-calls.ts';
import { listCustomerAgreements } from './internal/agreement-calls.ts';
import { listCustomerUsers, resetCustomerUserPassword, type CustomerUser } from './internal/customer-users.ts';
import { getSubscription, listSubscriptions, setSubscriptionQuantity } from './internal/subscription-calls.ts';
import { fromLegacyAddressRefusal, LEGACY_ADDRESS_INVALID, legacyAddressValid } from './internal/legacy-address-validation.ts';
import type { RequestPace } from './request-pace.ts';
import { toAgreementDate } from './to-agreement-date.ts';
import * as schemas from './response-schemas.ts';

export interface PartnerCenterClientOptions {
  cloud: CloudName | CloudConfig;
  /** Overrides the cloud's API base URL (the sandbox's URL, for instance). */
  baseUrl?: string;
  /** Returns a bearer token; called before every request (MSAL caches and refreshes). */
  getAccessToken: (signal?: AbortSignal) => Promise<string>;
  /** Per-call timeout. @default 30_000 */
  timeoutMs?: number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** `X-Locale` when the call context has none. @default 'en-US' */
  locale?: string;
  /** The shared request budget every request waits for (the worker's `createRequestPacer`). */
  pace?: RequestPace;
}

export type PartnerCenterClient = ReturnType<typeof createPartnerCenterClient>;

const DEFAULT_TIMEOUT_MS = 30_000;
const AGREEMENT_EXISTS = '600061';

/**
 * A typed client for the Partner Center REST calls pc-onboard makes (docs/contracts/partner-center.md).
 * Every call takes a trailing CallContext (MS-RequestId, MS-CorrelationId, X-Locale, signal),
 * validates the answer with zod and throws a PartnerCenterError on failure. It never retries:
 * the worker's queue retries with the same MS-RequestId, honouring ThrottledError.retryAfterMs.
 *
 * @example
 * const client = createPartnerCenterClient({ cloud: 'global', baseUrl: sandbox.url, getAccessToken: async () => token });
 * const { available } = await client.checkDomainAvailability('contoso.onmicrosoft.com');
 */
export function createPartnerCenterClient(options: PartnerCenterClientOptions) {
  const cloud = typeof options.cloud === 'string' ? resolveCloud(options.cloud) : options.cloud;
  const core: RequestCore = {
    baseUrl: (options.baseUrl ?? cloud.apiBaseUrl).replace(/\/+$/, ''),
    getAccessToken: options.getAccessToken,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    locale: options.locale ?? 'en-US',
    ...(options.pace ? { pace: options.pace } : {}),
  };
  let templateId: Promise<string> | undefined;
  const fullDomain = (domain: string) => (domain.includes('.') ? domain : `${domain}.${cloud.initialDomainSuffix}`);
  const enc = encodeURIComponent;

  const client = {
    cloud,

    /** HEAD /v1/domains/{domain} (§3): 200 → taken, 404 → available. A bare prefix gets the cloud's suffix. */
    async checkDomainAvailability(domain: string, context?: CallContext): Promise<{ domain: string; available: boolean }> {
      const full = fullDomain(domain).toLowerCase();
      const answer = await sendRequest(core, { method: 'HEAD', path: `/v1/domains/${enc(full)}`, kind: 'other', alsoAccept: [404] }, context);
      return { domain: full, available: answer.status === 404 };
    },

    /** POST /v1/validations/address (§5); the legacy answers (empty 200, 400/2007) are read too. */
    async validateAddress(address: PostalAddress, context?: CallContext): Promise<AddressValidationResult> {
      let answer: Awaited<ReturnType<typeof sendRequest>>;
      try {
        answer = await sendRequest(core, { method: 'POST', path: '/v1/validations/address', body: address, kind: 'other' }, context);
      } catch (error) {
        if (isPartnerCenterError(error) && error.status === 400 && String(error.pcCode) === LEGACY_ADDRESS_INVALID) return fromLegacyAddressRefusal(error, address);
        throw error;
      }
      if (answer.body === undefined) return legacyAddressValid();
      const result = readAnswer(answer, schemas.addressValidationSchema);
      return {
        status: result.status,
        suggestedAddresses: (result.suggestedAddresses ?? []).map((item) => withoutNulls(item) as PostalAddress),
        ...(result.validationMessage ? { validationMessage: result.validationMessage } : {}),
      };
    },

    /**
     * POST /v1/customers (§4); 200 or 201. The admin is `admin@<domain>`; the password is in the
     * result only: encrypt it at once, never log it. For an indirect reseller set `associatedPartnerId`.
     */
    async createCustomer(request: CreateCustomerRequest, context?: CallContext): Promise<CreatedCustomer> {
      const answer = await sendRequest(core, { method: 'POST', path: '/v1/customers', body: request, kind: 'customer' }, context);
      const customer = readAnswer(answer, schemas.customerSchema);
      const domain = customer.companyProfile.domain.toLowerCase();
      const userName = customer.userCredentials.userName;
      return {
        id: customer.id,
        domain,
        // The documented example answers just "admin"; the sign-in name is admin@<domain> (§0.13).
        adminUserName: userName.includes('@') ? userName : `${userName}@${domain}`,
        adminPassword: customer.userCredentials.password,
      };
    },

    /** Every customer of the partner, following the continuation tokens of GET /v1/customers (§11). */
    listCustomers(options?: ListCustomersOptions, context?: CallContext): Promise<ListedCustomer[]> {
      return listCustomers(core, options, context);
    },

    /** The users of a customer tenant (§0.17; app+user only). */
    listCustomerUsers(customerId: string, context?: CallContext): Promise<CustomerUser[]> {
      return listCustomerUsers(core, customerId, context);
    },

    /** Resets a customer user's password to `password`, changed at next sign-in (§0.17). Never log it. */
    resetCustomerUserPassword(customerId: string, userId: string, password: string, context?: CallContext): Promise<void> {
      return resetCustomerUserPassword(core, customerId, userId, password, context);
    },

    /** GET /v1/agreements?agreementType=MicrosoftCustomerAgreement (§7.1), cached per client. */
    getAgreementTemplateId(context?: CallContext): Promise<string> {
      templateId ??= (async () => {
        const answer = await sendRequest(core, { method: 'GET', path: '/v1/agreements', query: { agreementType: 'MicrosoftCustomerAgreement' }, kind: 'agreement' }, context);
        const items = readAnswer(answer, schemas.agreementTemplatesSchema).items;
        const mca = items.find((item) => item.agreementType === 'MicrosoftCustomerAgreement');
        if (!mca) throw new PartnerCenterError({ errorCode: 'response_invalid', retryable: false, method: 'GET', url: answer.url, message: `GET ${answer.url} listed no MicrosoftCustomerAgreement template.` });
        return mca.templateId;
      })();
      templateId.catch(() => (templateId = undefined));
      return templateId;
    },

    /**
     * POST /v1/customers/{id}/agreements (§7.2). Global cloud only (else mca_not_supported, no call).
     * 600061 (an attestation already exists) is returned as `alreadyConfirmed: true`, not thrown.
     */
    async confirmCustomerAgreement(customerId: string, input: ConfirmAgreementInput, context: CallContext = {}): Promise<AgreementConfirmation> {
      if (!cloud.mcaSupported) {
        throw new PartnerCenterError({ errorCode: 'mca_not_supported', retryable: false, message: `The Microsoft Customer Agreement attestation exists in the global cloud only, not in "${cloud.name}"; the customer accepts it in the admin center.` });
      }
      const { requestId: _requestId, ...lookupContext } = context;
      const template = input.templateId ?? (await client.getAgreementTemplateId(lookupContext));
      const dateAgreed = toAgreementDate(input.dateAgreed);
      const body = { primaryContact: withoutNulls(input.contact), dateAgreed, templateId: template, type: 'MicrosoftCustomerAgreement' };
      try {
        const answer = await sendRequest(core, { method: 'POST', path: `/v1/customers/${enc(customerId)}/agreements`, body, kind: 'agreement' }, context);
        const agreement = readAnswer(answer, schemas.agreementSchema);
        return { alreadyConfirmed: false, templateId: agreement.templateId, dateAgreed: agreement.dateAgreed };
      } catch (error) {
        if (isPartnerCenterError(error) && String(error.pcCode) === AGREEMENT_EXISTS) return { alreadyConfirmed: true, templateId: template };
        throw error;
      }
    },

    /** The customer's partner-confirmed MCAs (§0.20): how a lost attestation answer is read back. */
    listCustomerAgreements(customerId: string, context?: CallContext): Promise<ConfirmedAgreement[]> {
      return listCustomerAgreements(core, customerId, context);
    },

    /** Every catalog item of the country: new-commerce availabilities, the Azure plan and legacy offers (§8). */
    listCatalog(country: string, context?: CallContext): Promise<CatalogItem[]> {
      return listCatalog(core, country, context);
    },

    /** One catalog item or legacy offer by id, in one call; undefined when the catalog lacks it. */
    getCatalogItem(id: string, country: string, context?: CallContext): Promise<CatalogItem | undefined> {
      return getCatalogItem(core, id, country, context);
    },

    /** POST /v1/customers/{id}/orders for legacy offers (§8); lines share one billing cycle. */
    async createOrder(customerId: string, lines: OrderLine[], context?: CallContext): Promise<PlacedOrder> {
      const body = {
        referenceCustomerId: customerId,
        billingCycle: lines[0]?.billingCycle ?? 'monthly',
        lineItems: lines.map((line, lineItemNumber) => ({ lineItemNumber, offerId: line.id, quantity: line.quantity })),
      };
      const answer = await sendRequest(core, { method: 'POST', path: `/v1/customers/${enc(customerId)}/orders`, body, kind: 'order' }, context);
      return toPlacedOrder(readAnswer(answer, schemas.orderSchema));
    },

    /** The customer's orders with their lines (§8): how a step finds what a lost answer placed (§0.16). */
    listOrders(customerId: string, context?: CallContext): Promise<PlacedOrder[]> {
      return listOrders(core, customerId, context);
    },

    /**
     * POST /v1/customers/{id}/carts for new-commerce items (§8). Give each licence line its term and
     * billing cycle; give the Azure plan no term (it bills monthly).
     */
    async createCart(customerId: string, lines: OrderLine[], context?: CallContext): Promise<Cart> {
      const body = {
        lineItems: lines.map((line, index) => ({
          id: index,
          catalogItemId: line.id,
          quantity: line.quantity,
          billingCycle: line.billingCycle ?? 'monthly',
          ...(line.term ? { termDuration: line.term } : {}),
        })),
      };
      const answer = await sendRequest(core, { method: 'POST', path: `/v1/customers/${enc(customerId)}/carts`, body, kind: 'order' }, context);
      return toCart(readAnswer(answer, schemas.cartSchema));
    },

    /** The cart and its status (§8): `Ordered` once a checkout committed, whether or not its answer arrived (§0.20). */
    getCart(customerId: string, cartId: string, context?: CallContext): Promise<Cart> {
      return getCart(core, customerId, cartId, context);
    },

    /**
     * POST /v1/customers/{id}/carts/{cartId}/checkout (§8): the orders placed. A checkout that
     * refuses any order group throws order_rejected with the first group's reason.
     */
    async checkoutCart(customerId: string, cartId: string, context?: CallContext): Promise<PlacedOrder[]> {
      const answer = await sendRequest(core, { method: 'POST', path: `/v1/customers/${enc(customerId)}/carts/${enc(cartId)}/checkout`, kind: 'order' }, context);
      const result = readAnswer(answer, schemas.checkoutSchema);
      const refused = (result.orderErrors ?? []).map((item) => withoutNulls(item));
      if (refused.length > 0) {
        const first = refused[0]!;
        throw new PartnerCenterError({
          errorCode: 'order_rejected',
          retryable: false,
          method: answer.method,
          url: answer.url,
          ...(first.code === undefined ? {} : { pcCode: first.code }),
          message: `The checkout of cart ${cartId} refused ${refused.length} order group(s): ${String(first.description ?? first.code ?? 'no reason given').replace(/\.$/, '')}.`,
        });
      }
      return (result.orders ?? []).map(toPlacedOrder);
    },

    /** The customer's subscriptions (§0.19), every status. */
    listSubscriptions(customerId: string, context?: CallContext): Promise<Subscription[]> {
      return listSubscriptions(core, customerId, context);
    },

    getSubscription(customerId: string, subscriptionId: string, context?: CallContext): Promise<Subscription> {
      return getSubscription(core, customerId, subscriptionId, context);
    },

    /** Sets the subscription's quantity (an absolute target, so a replay is harmless) with its etag (§0.19). */
    setSubscriptionQuantity(customerId: string, subscription: Subscription, quantity: number, context?: CallContext): Promise<Subscription> {
      return setSubscriptionQuantity(core, customerId, subscription, quantity, context);
    },

    /** GET /v1/customers/relationshiprequests (§9): the reseller invitation link for an existing tenant. */
    async getRelationshipRequestUrl(context?: CallContext): Promise<string> {
      const answer = await sendRequest(core, { method: 'GET', path: '/v1/customers/relationshiprequests', kind: 'other' }, context);
      return readAnswer(answer, schemas.relationshipRequestSchema).url;
    },
  };
  return client;
}

function withoutNulls<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== null && item !== undefined)) as { [K in keyof T]: Exclude<T[K], null> };
}
