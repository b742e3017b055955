import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attestationBody, errorShape, MCA_TEMPLATE_ID, sandbox } from './sandbox-test-kit.ts';

describe('sandbox MCA attestation (§7)', () => {
  it('should answer 201 with the agreement, agreementLink and the signed-in userId, and list it on the customer', async () => {
    const { post, get, createCustomer } = sandbox();
    const [first, second] = [await createCustomer(), await createCustomer()];
    const confirmed = await post(`/v1/customers/${first}/agreements`, attestationBody());
    expect(confirmed.status).toBe(201);
    const agreement = (await confirmed.json()) as Record<string, unknown>;
    expect(agreement).toMatchObject({
      primaryContact: { firstName: 'Ana', lastName: 'Diaz', email: 'ana@contoso.example' },
      templateId: MCA_TEMPLATE_ID, type: 'MicrosoftCustomerAgreement', agreementLink: 'https://aka.ms/customeragreement',
      userId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const other = (await (await post(`/v1/customers/${second}/agreements`, attestationBody())).json()) as Record<string, unknown>;
    // One partner admin signs in to the sandbox, so both attestations carry the same user.
    expect(other.userId).toBe(agreement.userId);
    const listed = await get(`/v1/customers/${first}/agreements?agreementType=MicrosoftCustomerAgreement`);
    expect(await listed.json()).toEqual({ totalCount: 1, items: [agreement], attributes: { objectType: 'Collection' } });
    expect(await (await get(`/v1/customers/${first}/agreements?agreementType=MicrosoftCloudAgreement`)).json()).toMatchObject({ totalCount: 0, items: [] });
    const unknown = await get(`/v1/customers/${randomUUID()}/agreements`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ...errorShape, code: 'NotFound' });
  });

  it('should answer 600061 only when first name, last name, email and phone are all unchanged', async () => {
    const { post, createCustomer } = sandbox();
    const customerId = await createCustomer();
    expect((await post(`/v1/customers/${customerId}/agreements`, attestationBody())).status).toBe(201);
    const same = await post(`/v1/customers/${customerId}/agreements`, { ...attestationBody(), dateAgreed: '2024-06-01T00:00:00Z' });
    expect(same.status).toBe(400);
    expect(await same.json()).toEqual({ ...errorShape, code: 600061, description: 'A partner confirmed agreement already exists for the customer.' });
    const withPhone = attestationBody();
    const changed = await post(`/v1/customers/${customerId}/agreements`, { ...withPhone, primaryContact: { ...withPhone.primaryContact, phoneNumber: '+14255550101' } });
    expect(changed.status).toBe(201);
  });

  it('should accept a date-only dateAgreed and today, and refuse tomorrow with 600002 at HTTP 400', async () => {
    const { post, createCustomer } = sandbox();
    const customerId = await createCustomer();
    expect((await post(`/v1/customers/${customerId}/agreements`, attestationBody({ dateAgreed: '2024-05-01' }))).status).toBe(201);
    expect((await post(`/v1/customers/${customerId}/agreements`, attestationBody({ email: 'now@contoso.example', dateAgreed: new Date().toISOString() }))).status).toBe(201);
    const tomorrow = await post(`/v1/customers/${customerId}/agreements`, attestationBody({ email: 'later@contoso.example', dateAgreed: new Date(Date.now() + 86_400_000).toISOString() }));
    expect(tomorrow.status).toBe(400);
    expect(await tomorrow.json()).toEqual({ ...errorShape, code: 600002, description: 'Date of agreement cannot be greater than the current date.' });
  });
});
