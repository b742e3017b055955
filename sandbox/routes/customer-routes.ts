import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import countries from 'i18n-iso-countries';
import type { SandboxState, StoredCustomer } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';
import { replyError } from '../internal/error-body.ts';
import { runIdempotentPost, type PostOutcome } from '../internal/idempotent-post.ts';
import { badInput, fail } from '../internal/post-outcomes.ts';
import { emailAddress } from '../internal/email-address.ts';
import { CHECKED_STATES, REGISTRATION_REQUIRED_COUNTRIES, isValidCnpj } from '../country-data.ts';

/** A prefix of 1–27 ASCII letters and digits (docs/contracts/partner-center.md §0.5) and an initial-domain suffix (§0.4), case-insensitive. */
const DOMAIN_PATTERN = /^([A-Za-z0-9]{1,27})\.(onmicrosoft\.com|partner\.onmschina\.cn)$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Address lengths of docs/contracts/partner-center.md §4 (the CSV rules of docs/contracts/csv.md §4 follow them). */
const addressSchema = z.object({
  firstName: z.string().min(1).max(50),
  middleName: z.string().min(1).max(50).optional(),
  lastName: z.string().min(1).max(50),
  addressLine1: z.string().min(1).max(200),
  addressLine2: z.string().max(200).optional(),
  addressLine3: z.string().max(200).optional(),
  city: z.string().min(1).max(200),
  state: z.string().max(100).optional(),
  postalCode: z.string().max(20).optional(),
  country: z.string().length(2),
  region: z.string().optional(),
  phoneNumber: z.string().max(30).optional(),
});

/** `POST /v1/customers` body (§4); keys arrive normalised to camelCase. */
const createCustomerSchema = z.object({
  enableGDAPByDefault: z.boolean().optional(),
  associatedPartnerId: z.string().regex(GUID, 'must be a tenant id (GUID)').optional(),
  companyProfile: z.object({
    domain: z.string().min(1),
    organizationRegistrationNumber: z.string().optional(),
    companyName: z.string().optional(),
  }),
  billingProfile: z.object({
    email: emailAddress,
    culture: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a culture such as en-US'),
    language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language such as en'),
    companyName: z.string().min(1).max(255),
    firstName: z.string().max(50).optional(),
    lastName: z.string().max(50).optional(),
    defaultAddress: addressSchema,
  }),
});

type CreateCustomerBody = z.infer<typeof createCustomerSchema>;

/** Customers: create (§4, idempotent per §0.1), read one, relationship request link (§9). */
export function createCustomerRoutes(state: SandboxState) {
  const routes = new Hono<SandboxEnv>();
  routes.get('/v1/customers/relationshiprequests', (c) =>
    c.json({
      url: `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${state.partnerTenantId}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`,
      attributes: { objectType: 'RelationshipRequest' },
    }),
  );
  routes.get('/v1/customers/:customerId', (c) => {
    const customer = state.customers.get(c.req.param('customerId').toLowerCase());
    if (!customer) return replyError(c, 404, 'NotFound', `No customer with id ${c.req.param('customerId')}.`);
    return c.json({ ...customer.resource, relationshipToPartner: 'reseller', allowDelegatedAccess: false });
  });
  routes.post('/v1/customers', (c) =>
    runIdempotentPost(c, state, 'customer', (raw) => {
      const parsed = createCustomerSchema.safeParse(raw);
      if (!parsed.success) return badInput(parsed.error);
      return createCustomer(state, parsed.data, c.get('tokenKind') === 'app+user');
    }),
  );
  return routes;
}

function createCustomer(state: SandboxState, body: CreateCustomerBody, isAppUser: boolean): PostOutcome {
  const domainMatch = DOMAIN_PATTERN.exec(body.companyProfile.domain);
  if (!domainMatch) {
    return fail(400, 'BadInput', `companyProfile.domain "${body.companyProfile.domain}" must be a prefix of 1-27 letters and digits followed by .onmicrosoft.com (or .partner.onmschina.cn).`);
  }
  const domain = body.companyProfile.domain.toLowerCase();
  const address = body.billingProfile.defaultAddress;
  const country = address.country.toUpperCase();
  if (!countries.isValid(country)) return fail(400, 'BadInput', `defaultAddress.country "${address.country}" is not an ISO 3166-1 alpha-2 code.`);
  const states = CHECKED_STATES[country];
  if (states && !states.includes((address.state ?? '').toUpperCase())) {
    return fail(400, 'BadInput', `defaultAddress.state "${address.state ?? ''}" is not a state of ${country}.`);
  }
  const registration = body.companyProfile.organizationRegistrationNumber?.trim();
  if (REGISTRATION_REQUIRED_COUNTRIES.has(country)) {
    if (!registration) return fail(400, 600049, `Organization registration id information is missing; it is required for ${country}.`);
    if (!address.phoneNumber?.trim()) return fail(400, 600051, `The phone number is missing; it is required for ${country}.`);
  }
  if (registration !== undefined && registration !== '') {
    const valid = country === 'BR' ? isValidCnpj(registration) : registration.length <= 50;
    if (!valid) {
      const format = country === 'BR' ? 'a CNPJ of 14 digits with valid check digits' : '1-50 characters';
      return fail(400, 600050, `The organization registration number should be of the format ${format}.`);
    }
  }
  if (body.associatedPartnerId && !isAppUser) {
    return fail(403, 600006, 'Creating a customer for an indirect reseller requires an app+user token.');
  }
  if (state.domains.has(domain)) {
    return fail(409, 'DomainAlreadyExists', `The domain ${domain} is already in use by another tenant.`);
  }
  const stored = storeCustomer(state, body, domain, country, registration);
  const password = generatePassword();
  return {
    status: 201,
    committed: true,
    body: { ...stored.resource, userCredentials: { userName: `admin@${domain}`, password } },
  };
}

function storeCustomer(
  state: SandboxState,
  body: CreateCustomerBody,
  domain: string,
  country: string,
  registration: string | undefined,
): StoredCustomer {
  const id = randomUUID();
  const profile = body.billingProfile;
  const resource: Record<string, unknown> = {
    id,
    commerceId: randomUUID(),
    companyProfile: {
      tenantId: id,
      domain,
      companyName: profile.companyName,
      ...(registration ? { organizationRegistrationNumber: registration } : {}),
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    billingProfile: {
      id: randomUUID(),
      ...(profile.firstName ? { firstName: profile.firstName } : {}),
      ...(profile.lastName ? { lastName: profile.lastName } : {}),
      email: profile.email,
      culture: profile.culture,
      language: profile.language,
      companyName: profile.companyName,
      defaultAddress: { ...profile.defaultAddress, country },
      attributes: { etag: String(randomInt(1e9, 1e10)), objectType: 'CustomerBillingProfile' },
    },
    relationshipToPartner: 'none',
    ...(body.enableGDAPByDefault === undefined ? {} : { enableGDAPByDefault: body.enableGDAPByDefault }),
    ...(body.associatedPartnerId ? { associatedPartnerId: body.associatedPartnerId.toLowerCase() } : {}),
    attributes: { objectType: 'Customer' },
  };
  const stored: StoredCustomer = {
    id,
    commerceId: resource.commerceId as string,
    domain,
    createdAt: new Date().toISOString(),
    resource,
    ...(body.associatedPartnerId ? { associatedPartnerId: body.associatedPartnerId.toLowerCase() } : {}),
  };
  state.customers.set(id, stored);
  state.domains.set(domain, id);
  state.users.set(id, [{ id: randomUUID(), userPrincipalName: `admin@${domain}`, displayName: 'Admin', passwordResets: 0 }]);
  state.creationsPerDomain.set(domain, (state.creationsPerDomain.get(domain) ?? 0) + 1);
  return stored;
}

/** 16 characters from letters, digits and symbols, with at least one of each class. */
function generatePassword(): string {
  const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%^&*-_=+?'];
  const all = classes.join('');
  const chars = classes.map((set) => set[randomInt(set.length)]!);
  const bytes = randomBytes(16 - chars.length);
  for (const byte of bytes) chars.push(all[byte % all.length]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
