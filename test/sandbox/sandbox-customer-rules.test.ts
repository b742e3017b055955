import { describe, expect, it } from 'vitest';
import { checkEmail } from '../../shared/customer/check-email.ts';
import { attestationBody, customerBody, errorShape, sandbox } from './sandbox-test-kit.ts';

/** The 24 countries of docs/contracts/partner-center.md §6 where registration number and phone are both required (§0.6). */
const REGISTRATION_COUNTRIES = [
  'AM', 'AZ', 'BY', 'HU', 'KZ', 'KG', 'MD', 'RU', 'TJ', 'UZ', 'UA',
  'BR', 'IN', 'ZA', 'PL', 'AE', 'SA', 'TR', 'TH', 'VN', 'MM', 'IQ', 'SS', 'VE',
];
const VALID_CNPJ = '11.222.333/0001-81';
const registrationFor = (country: string) => (country === 'BR' ? VALID_CNPJ : 'REG-12345');
const abroad = (country: string) => ({ country, state: '', postalCode: '12345' });

describe('sandbox initial domain prefix (§0.5)', () => {
  it.each([
    ['27 letters and digits', `a${'1'.repeat(26)}`, 201],
    ['one letter', 'x', 201],
    ['digits only', '20240101', 201],
    ['28 characters', 'b'.repeat(28), 400],
    ['63 characters (the DNS label limit, above Partner Center\'s)', 'b'.repeat(63), 400],
    ['a hyphen', 'con-toso', 400],
    ['an underscore', 'con_toso', 400],
    ['a non-ASCII letter', 'café', 400],
    ['an empty prefix', '', 400],
  ])('should answer a prefix of %s with %i', async (_name, prefix, status) => {
    const { post } = sandbox();
    const response = await post('/v1/customers', customerBody({ domain: `${prefix}.onmicrosoft.com` }));
    expect(response.status).toBe(status);
    if (status === 400) expect(await response.json()).toEqual({ ...errorShape, code: 'BadInput' });
  });

  it('should refuse a domain that is not an initial domain', async () => {
    const { post } = sandbox();
    expect((await post('/v1/customers', customerBody({ domain: 'contoso.com' }))).status).toBe(400);
  });
});

describe('sandbox e-mail addresses (the dot-atom rule of docs/contracts/csv.md §4)', () => {
  const cases: [string, boolean][] = [
    ['it@contoso.example', true],
    ['a!b@contoso.example', true],
    ['a/b@contoso.example', true],
    ['a=b@contoso.example', true],
    ['a{b}@contoso.example', true],
    ["o'brien+x.y@sub.contoso.co.jp", true],
    [`${'a'.repeat(64)}@contoso.example`, true],
    ['not an email', false],
    ['a..b@contoso.example', false],
    ['"a"@contoso.example', false],
    ['Ana <ana@contoso.example>', false],
    ['a@[127.0.0.1]', false],
    ['a@contoso', false],
    [`${'a'.repeat(65)}@contoso.example`, false],
  ];

  it.each(cases)('should answer create customer with %s as %s, like the CSV rule', async (email, accepted) => {
    expect(checkEmail(email, 'contact_email').ok).toBe(accepted);
    const { post } = sandbox();
    const response = await post('/v1/customers', customerBody({ email }));
    expect(response.status).toBe(accepted ? 201 : 400);
    if (!accepted) expect(await response.json()).toEqual({ ...errorShape, code: 'BadInput', description: expect.stringContaining('billingProfile.email') });
  });

  it('should take a dot-atom signer e-mail in the MCA attestation and refuse a bad one', async () => {
    const { post, createCustomer } = sandbox();
    const customerId = await createCustomer();
    expect((await post(`/v1/customers/${customerId}/agreements`, attestationBody({ email: 'a{b}@contoso.example' }))).status).toBe(201);
    const refused = await post(`/v1/customers/${customerId}/agreements`, attestationBody({ email: 'ana@@contoso.example' }));
    expect(refused.status).toBe(400);
  });
});

describe('sandbox address field lengths (§4)', () => {
  const withAddress = (fields: Record<string, string>) => {
    const body = customerBody();
    Object.assign(body.BillingProfile.DefaultAddress, fields);
    return body;
  };
  it.each([
    ['FirstName', 50, 51],
    ['LastName', 50, 51],
    ['MiddleName', 50, 51],
    ['AddressLine1', 200, 201],
    ['AddressLine2', 200, 201],
    ['City', 200, 201],
  ])('should take %s up to %i characters and refuse %i', async (field, longest, tooLong) => {
    const { post } = sandbox();
    expect((await post('/v1/customers', withAddress({ [field]: 'a'.repeat(longest) }))).status).toBe(201);
    const refused = await post('/v1/customers', withAddress({ [field]: 'a'.repeat(tooLong) }));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ ...errorShape, code: 'BadInput', description: expect.stringContaining(field.charAt(0).toLowerCase() + field.slice(1)) });
  });

  it('should refuse a country that is not two letters', async () => {
    const { post } = sandbox();
    expect((await post('/v1/customers', customerBody({ country: 'USA' }))).status).toBe(400);
    expect((await post('/v1/customers', customerBody({ country: 'XX', state: '' }))).status).toBe(400);
  });
});

describe('sandbox registration number and phone (§0.6, §6)', () => {
  it.each(REGISTRATION_COUNTRIES)('should refuse %s without a registration number (600049) or a phone (600051), HTTP 400', async (country) => {
    const { post } = sandbox();
    const missingRegistration = await post('/v1/customers', customerBody(abroad(country)));
    expect(missingRegistration.status).toBe(400);
    expect(await missingRegistration.json()).toEqual({ ...errorShape, code: 600049 });
    const missingPhone = await post('/v1/customers', customerBody({ ...abroad(country), registration: registrationFor(country), phone: '' }));
    expect(missingPhone.status).toBe(400);
    expect(await missingPhone.json()).toEqual({ ...errorShape, code: 600051 });
    const complete = await post('/v1/customers', customerBody({ ...abroad(country), registration: registrationFor(country) }));
    expect(complete.status).toBe(201);
  });

  it.each(['DE', 'GB', 'JP', 'FR', 'NO', 'GE', 'EE'])('should create a customer in %s without registration number or phone', async (country) => {
    const { post } = sandbox();
    expect((await post('/v1/customers', customerBody({ ...abroad(country), phone: '' }))).status).toBe(201);
  });

  it('should keep the registration number on the created customer', async () => {
    const { post } = sandbox();
    const customer = (await (await post('/v1/customers', customerBody({ ...abroad('PL'), registration: '5260250995' }))).json()) as { companyProfile: Record<string, unknown> };
    expect(customer.companyProfile.organizationRegistrationNumber).toBe('5260250995');
  });
});

describe('sandbox registration number format (§0.11)', () => {
  it.each([
    ['a punctuated CNPJ', 'BR', VALID_CNPJ, 201],
    ['an unpunctuated CNPJ', 'BR', '11222333000181', 201],
    ['a CNPJ with a wrong second check digit', 'BR', '11222333000182', 600050],
    ['a 13-digit CNPJ', 'BR', '1122233300018', 600050],
    ['a CNPJ of one repeated digit', 'BR', '00000000000000', 600050],
    ['a CNPJ with letters', 'BR', '11.222.333/0001-8A', 600050],
    ['50 characters elsewhere', 'PL', 'R'.repeat(50), 201],
    ['51 characters elsewhere', 'PL', 'R'.repeat(51), 600050],
    ['51 characters where it is optional', 'DE', 'R'.repeat(51), 600050],
  ])('should answer %s with %s', async (_name, country, registration, expected) => {
    const { post } = sandbox();
    const response = await post('/v1/customers', customerBody({ ...abroad(country), registration }));
    if (expected === 201) {
      expect(response.status).toBe(201);
    } else {
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ ...errorShape, code: expected, description: expect.stringContaining('should be of the format') });
    }
  });
});

describe('sandbox address validation (§0.7): the first rule that applies wins', () => {
  const address = (overrides: Record<string, string>) => ({ addressLine1: '1 Main St', city: 'Redmond', state: 'WA', postalCode: '98052', country: 'US', ...overrides });
  it.each([
    ['"nowhere" even with "partial" and a wrong ZIP', { addressLine1: '1 Nowhere Partial Rd', postalCode: '10001' }, 'None', 0],
    ['"NoWhere" in any country', { addressLine1: '5 NoWhere Lane', country: 'NZ', state: '', postalCode: '6011' }, 'None', 0],
    ['"PARTIAL" before the country rule', { addressLine1: '5 PARTIAL Street', country: 'NZ', state: '', postalCode: '6011' }, 'StreetPartial', 1],
    ['"partial" before the ZIP rule', { addressLine1: '5 partial street', postalCode: '10001' }, 'StreetPartial', 1],
    ['a country outside the verified seven', { country: 'NZ', state: '', postalCode: '6011' }, 'NotValidated', 0],
    ['a US ZIP of another state', { postalCode: '10001' }, 'StreetPartial', 1],
    ['a US ZIP of the state', {}, 'VerifiedShippable', 1],
    ['Canada', { country: 'CA', state: 'ON', postalCode: 'M5V 3L9', city: 'Toronto' }, 'VerifiedShippable', 1],
    ['the United Kingdom', { country: 'GB', state: '', postalCode: 'SW1A 1AA', city: 'London' }, 'VerifiedShippable', 1],
    ['Germany', { country: 'DE', state: '', postalCode: '10115', city: 'Berlin' }, 'VerifiedShippable', 1],
    ['France', { country: 'FR', state: '', postalCode: '75001', city: 'Paris' }, 'VerifiedShippable', 1],
    ['Japan', { country: 'JP', state: '東京都', postalCode: '100-0001', city: 'Chiyoda' }, 'VerifiedShippable', 1],
    ['Australia', { country: 'AU', state: 'NSW', postalCode: '2000', city: 'Sydney' }, 'VerifiedShippable', 1],
  ])('should answer %s with %s and %i suggestion(s)', async (_name, overrides, status, suggestions) => {
    const { post } = sandbox();
    const response = await post('/v1/validations/address', address(overrides));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; suggestedAddresses: unknown[]; originalAddress: Record<string, string> };
    expect(body.status).toBe(status);
    expect(body.suggestedAddresses).toHaveLength(suggestions);
    expect(body.originalAddress).toMatchObject({ addressLine1: address(overrides).addressLine1, country: address(overrides).country });
  });
});

describe('sandbox country validation rules (§0.8)', () => {
  const SDK_FIELDS = [
    'iso2Code', 'defaultCulture', 'isStateRequired', 'supportedStatesList', 'supportedLanguagesList', 'supportedCulturesList',
    'isPostalCodeRequired', 'postalCodeRegex', 'isCityRequired', 'isVatIdSupported', 'taxIdFormat', 'taxIdSample', 'vatIdRegex',
    'phoneNumberRegex', 'isTaxIdSupported', 'isTaxIdOptional', 'countryCallingCodesList',
  ];
  it.each(['US', 'BR', 'jp', 'NO'])('should serve %s in every SDK model field name', async (country) => {
    const { get } = sandbox();
    const response = await get(`/v1/countryvalidationrules/${country}`);
    expect(response.status).toBe(200);
    const rules = (await response.json()) as Record<string, unknown>;
    for (const field of SDK_FIELDS) expect(rules, field).toHaveProperty(field);
    expect(rules.iso2Code).toBe(country.toUpperCase());
    for (const list of ['supportedStatesList', 'supportedLanguagesList', 'supportedCulturesList', 'countryCallingCodesList']) expect(Array.isArray(rules[list]), list).toBe(true);
    // The doc example's names are the client's business, not the sandbox's.
    expect(rules).not.toHaveProperty('states');
  });
});

describe('sandbox customer reads (§4, §0.9)', () => {
  it('should answer GET /v1/customers/{id} with the customer, reseller relationship and no credentials', async () => {
    const { post, get } = sandbox();
    const created = (await (await post('/v1/customers', customerBody())).json()) as { id: string; userCredentials: { password: string } };
    const response = await get(`/v1/customers/${created.id}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(created.userCredentials.password);
    const customer = JSON.parse(text) as Record<string, unknown>;
    expect(customer).not.toHaveProperty('userCredentials');
    expect(customer).toMatchObject({ id: created.id, companyProfile: { tenantId: created.id }, relationshipToPartner: 'reseller', allowDelegatedAccess: expect.any(Boolean), attributes: { objectType: 'Customer' } });
    const missing = await get('/v1/customers/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ ...errorShape, code: 'NotFound' });
  });

  it('should generate the admin password itself, ignoring one passed in userCredentials (§4)', async () => {
    const { post } = sandbox();
    const body = { ...customerBody({ domain: 'ownpassword.onmicrosoft.com' }), userCredentials: { userName: 'bob', password: 'Chosen-Passw0rd!' } };
    const created = (await (await post('/v1/customers', body)).json()) as { userCredentials: { userName: string; password: string } };
    expect(created.userCredentials.userName).toBe('admin@ownpassword.onmicrosoft.com');
    expect(created.userCredentials.password).toHaveLength(16);
    expect(created.userCredentials.password).not.toBe('Chosen-Passw0rd!');
  });

  it('should answer a domain-taken race with 409 DomainAlreadyExists after HEAD said available (§0.2)', async () => {
    const { app, post } = sandbox();
    const domain = 'racewinner.onmicrosoft.com';
    const head = await app.request(`/v1/domains/${domain}`, { method: 'HEAD', headers: { Authorization: 'Bearer contract-test-token' } });
    expect(head.status).toBe(404);
    expect((await post('/v1/customers', customerBody({ domain }))).status).toBe(201);
    const loser = await post('/v1/customers', customerBody({ domain: domain.toUpperCase() }));
    expect(loser.status).toBe(409);
    expect(await loser.json()).toEqual({ ...errorShape, code: 'DomainAlreadyExists' });
  });
});
