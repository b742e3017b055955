import { z } from 'zod';

/**
 * zod shapes of the answers the client reads (docs/contracts/partner-center.md §3–§9). Loose objects: extra
 * fields are fine, missing or mistyped fields the client relies on fail loudly.
 */
const addressShape = z.looseObject({
  addressLine1: z.string(),
  addressLine2: z.string().nullish(),
  addressLine3: z.string().nullish(),
  city: z.string(),
  state: z.string().nullish(),
  postalCode: z.string().nullish(),
  country: z.string(),
});

export const addressValidationSchema = z.looseObject({
  status: z.enum(['VerifiedShippable', 'Verified', 'InteractionRequired', 'StreetPartial', 'PremisesPartial', 'Multiple', 'None', 'NotValidated']),
  suggestedAddresses: z.array(addressShape).nullish(),
  validationMessage: z.string().nullish(),
});

export const customerSchema = z.looseObject({
  id: z.string().min(1),
  companyProfile: z.looseObject({ domain: z.string().min(1), tenantId: z.string().nullish() }),
  userCredentials: z.looseObject({ userName: z.string().min(1), password: z.string().min(1) }),
});

export const agreementTemplatesSchema = z.looseObject({
  items: z.array(z.looseObject({ templateId: z.string().min(1), agreementType: z.string() })),
});

export const agreementSchema = z.looseObject({
  templateId: z.string().min(1),
  dateAgreed: z.string().min(1),
});
/** GET /v1/customers/{id}/agreements (§0.20): the confirmed agreements, with their signer. */
export const customerAgreementsSchema = z.looseObject({
  items: z.array(
    agreementSchema.extend({
      type: z.string().nullish(),
      primaryContact: z.looseObject({ firstName: z.string().nullish(), lastName: z.string().nullish(), email: z.string().nullish() }).nullish(),
    }),
  ),
});

const collection = <T extends z.ZodType>(item: T) => z.looseObject({ items: z.array(item) });

const productSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string(),
  productType: z.looseObject({ id: z.string() }).nullish(),
});
export const productsSchema = collection(productSchema);

const skuSchema = z.looseObject({ id: z.string().min(1), productId: z.string().min(1), title: z.string() });
export const skusSchema = collection(skuSchema);

export const availabilitySchema = z.looseObject({
  id: z.string().min(1),
  catalogItemId: z.string().min(1),
  productId: z.string().nullish(),
  isPurchasable: z.boolean().nullish(),
  product: z.looseObject({ title: z.string(), productType: z.looseObject({ id: z.string() }).nullish() }).nullish(),
  sku: z.looseObject({ title: z.string() }).nullish(),
  terms: z.array(z.looseObject({ duration: z.string(), billingCycle: z.string().nullish() })).nullish(),
});
export const availabilitiesSchema = collection(availabilitySchema);

export const offerSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  supportedBillingCycles: z.array(z.string()).nullish(),
  isAvailableForPurchase: z.boolean().nullish(),
});
export const offersSchema = collection(offerSchema);

export const orderSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().nullish(),
  creationDate: z.string().nullish(),
  billingCycle: z.string().nullish(),
  lineItems: z.array(
    z.looseObject({
      offerId: z.string(),
      quantity: z.number(),
      subscriptionId: z.string().nullish(),
      termDuration: z.string().nullish(),
    }),
  ),
});

/** GET /v1/customers/{id}/orders: the customer's orders, new-commerce and legacy alike. */
export const ordersSchema = collection(orderSchema);

export const cartSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  lineItems: z.array(
    z.looseObject({
      id: z.number(),
      catalogItemId: z.string(),
      quantity: z.number(),
      billingCycle: z.string(),
      termDuration: z.string().nullish(),
    }),
  ),
});

export const checkoutSchema = z.looseObject({
  orders: z.array(orderSchema).nullish(),
  orderErrors: z
    .array(z.looseObject({ orderGroupId: z.string().nullish(), code: z.union([z.number(), z.string()]).nullish(), description: z.string().nullish() }))
    .nullish(),
});

/** The Subscription resource of docs/contracts/partner-center.md §0.19; the rest of it is kept for the PATCH. */
export const subscriptionSchema = z.looseObject({
  id: z.string().min(1),
  offerId: z.string().min(1),
  offerName: z.string().nullish(),
  friendlyName: z.string().nullish(),
  quantity: z.number().int(),
  status: z.string(),
  termDuration: z.string().nullish(),
  billingCycle: z.string().nullish(),
  attributes: z.looseObject({ etag: z.string().nullish() }).nullish(),
});
export const subscriptionsSchema = z.looseObject({ items: z.array(subscriptionSchema) });

export const relationshipRequestSchema = z.looseObject({ url: z.url() });

const linkSchema = z.looseObject({
  uri: z.string(),
  headers: z.array(z.looseObject({ key: z.string(), value: z.string() })).nullish(),
});

/** One page of GET /v1/customers (§11); the next page's token is in `links.next` or `continuationToken`. */
export const customerPageSchema = z.looseObject({
  items: z.array(
    z.looseObject({
      id: z.string().min(1),
      companyProfile: z.looseObject({ domain: z.string().min(1), companyName: z.string().nullish() }),
      billingProfile: z.looseObject({ companyName: z.string().nullish() }).nullish(),
      relationshipToPartner: z.string().nullish(),
    }),
  ),
  links: z.looseObject({ next: linkSchema.nullish() }).nullish(),
  continuationToken: z.string().nullish(),
});
