import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../customer/customer-record.ts';
import { toCreateCustomerRequest } from './to-create-customer-request.ts';

const RECORD: CustomerRecord = {
  company_name: 'Contoso Ltd',
  domain: 'contoso123',
  country: 'US',
  address_line1: 'One Microsoft Way',
  address_line2: 'Building 4',
  city: 'Redmond',
  state: 'WA',
  postal_code: '98052',
  contact_first_name: 'Ana',
  contact_last_name: 'Diaz',
  contact_email: 'it@contoso.example',
  contact_phone: '+14255550101',
  culture: 'en-US',
  language: 'en',
  offers: [],
  term: 'P1M',
  billing_cycle: 'monthly',
  gdap_opt_in: true,
};

describe('toCreateCustomerRequest', () => {
  it('should send no addressLine3 (undocumented): a third line is joined onto line 2', () => {
    const body = toCreateCustomerRequest({ ...RECORD, address_line3: 'Floor 5' }, 'global');
    expect(body.billingProfile.defaultAddress.addressLine2).toBe('Building 4 Floor 5');
    expect(JSON.stringify(body)).not.toMatch(/addressLine3/i);
    const onlyThird = toCreateCustomerRequest({ ...RECORD, address_line2: undefined, address_line3: 'Floor 5' } as CustomerRecord, 'global');
    expect(onlyThird.billingProfile.defaultAddress.addressLine2).toBe('Floor 5');
  });


  it('should build the POST /v1/customers body with the field names of docs/contracts/partner-center.md §4', () => {
    expect(toCreateCustomerRequest(RECORD, 'global')).toEqual({
      enableGDAPByDefault: true,
      companyProfile: { domain: 'contoso123.onmicrosoft.com' },
      billingProfile: {
        culture: 'en-US',
        email: 'it@contoso.example',
        language: 'en',
        companyName: 'Contoso Ltd',
        firstName: 'Ana',
        lastName: 'Diaz',
        defaultAddress: {
          firstName: 'Ana',
          lastName: 'Diaz',
          addressLine1: 'One Microsoft Way',
          addressLine2: 'Building 4',
          city: 'Redmond',
          state: 'WA',
          postalCode: '98052',
          country: 'US',
          phoneNumber: '+14255550101',
        },
      },
    });
  });

  it('should add the registration number and indirect reseller, and use the cloud suffix', () => {
    const request = toCreateCustomerRequest(
      { ...RECORD, organization_registration_number: '11222333000181', associated_partner_id: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', gdap_opt_in: false },
      'china',
    );
    expect(request.companyProfile).toEqual({ domain: 'contoso123.partner.onmschina.cn', organizationRegistrationNumber: '11222333000181' });
    expect(request.associatedPartnerId).toBe('0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0');
    expect(request.enableGDAPByDefault).toBe(false);
  });

  it('should leave out optional address fields the record lacks', () => {
    const { address_line2: _, state: __, contact_phone: ___, ...bare } = RECORD;
    const address = toCreateCustomerRequest(bare, 'global').billingProfile.defaultAddress;
    expect(Object.keys(address).sort()).toEqual(['addressLine1', 'city', 'country', 'firstName', 'lastName', 'postalCode']);
  });
});
