import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';

/** A fixed past date for test agreements: the agreement date may not be in the future. */
export const AGREED = '2026-03-05';

/** A valid US record for tests, with every Account info field but the indirect reseller and registration ID. */
export const US_CUSTOMER_RECORD: CustomerRecord = {
  company_name: 'Contoso Fill Ltd',
  domain: 'contosofill1',
  country: 'US',
  address_line1: '1 Microsoft Way',
  address_line2: 'Building 92',
  city: 'Redmond',
  state: 'WA',
  postal_code: '98052',
  contact_first_name: 'Ana',
  contact_last_name: 'Lopez',
  contact_email: 'ana@contoso.example',
  contact_phone: '+14255550101',
  culture: 'en-US',
  language: 'en',
  offers: [],
  term: 'P1M',
  billing_cycle: 'monthly',
  gdap_opt_in: false,
  mca: { date: AGREED, first_name: 'Bo', last_name: 'Li', email: 'bo@contoso.example', phone: '+14255550102' },
};
