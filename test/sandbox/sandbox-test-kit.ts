import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createSandboxApp } from '../../sandbox/create-sandbox-app.ts';

/** The test token every kit sandbox accepts as app+user. */
export const TOKEN = 'contract-test-token';
export const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };

/** The docs/contracts/partner-center.md §10 error body, any code. */
export const errorShape = { code: expect.anything(), description: expect.any(String), data: expect.any(Array), source: expect.any(String) };

export const MCA_TEMPLATE_ID = '117a77b0-9360-443b-8795-c6dedc750cf9';

export interface CustomerBodyOverrides {
  domain?: string;
  country?: string;
  state?: string;
  postalCode?: string;
  /** '' leaves the phone number out. */
  phone?: string;
  registration?: string;
  companyName?: string;
  addressLine1?: string;
  email?: string;
}

/** A POST /v1/customers body with PascalCase keys, like the documented request example (§4). */
export function customerBody(overrides: CustomerBodyOverrides = {}) {
  return {
    EnableGDAPByDefault: true,
    CompanyProfile: { Domain: overrides.domain ?? `c${randomUUID().slice(0, 8)}.onmicrosoft.com`, ...(overrides.registration ? { OrganizationRegistrationNumber: overrides.registration } : {}) },
    BillingProfile: {
      Culture: 'en-US', Email: overrides.email ?? 'it@contoso.example', Language: 'en', CompanyName: overrides.companyName ?? 'Contoso Ltd',
      DefaultAddress: {
        FirstName: 'Ana', LastName: 'Diaz', AddressLine1: overrides.addressLine1 ?? 'One Microsoft Way', City: 'Redmond',
        State: overrides.state ?? 'WA', PostalCode: overrides.postalCode ?? '98052', Country: overrides.country ?? 'US',
        ...(overrides.phone === '' ? {} : { PhoneNumber: overrides.phone ?? '4255550101' }),
      },
    },
  };
}

/** A sandbox app (no port) with helpers that send the kit's token. */
export function sandbox(options: Parameters<typeof createSandboxApp>[0] = {}) {
  // These tests buy for customers they create directly, without an attestation; the tests of the
  // MCA refusal (§0.14) turn it back on.
  const { app, state } = createSandboxApp({ testToken: TOKEN, requireAgreementForPurchases: false, ...options });
  const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers: { ...auth, ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers: { ...auth, ...headers } });
  /** A token of the given kind, issued without OAuth. */
  const token = async (kind: 'app-only' | 'app+user') =>
    ((await (await app.request('/_sandbox/tokens', { method: 'POST', body: JSON.stringify({ kind }) })).json()) as { access_token: string }).access_token;
  /** Creates a customer and returns its id. */
  const createCustomer = async (overrides: CustomerBodyOverrides = {}) => {
    const response = await post('/v1/customers', customerBody(overrides));
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  return { app, state, post, get, token, createCustomer };
}

/** A valid MCA attestation body (§7.2). */
export function attestationBody(overrides: { email?: string; dateAgreed?: string } = {}) {
  return {
    primaryContact: { firstName: 'Ana', lastName: 'Diaz', email: overrides.email ?? 'ana@contoso.example' },
    dateAgreed: overrides.dateAgreed ?? '2024-05-01T00:00:00Z',
    templateId: MCA_TEMPLATE_ID,
    type: 'MicrosoftCustomerAgreement',
  };
}
