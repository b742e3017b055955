import type { StatusCounts } from '../../../shared/imports/import-types.ts';
import { validRow, type TestRow } from './build-customer-csv.ts';
import { MCA_ACCEPTED, TEST_OFFERS } from './test-offers.ts';

/** What a row of the file must end as. */
interface ExpectedRow {
  status: string;
  code?: string;
  field?: string;
  /** Orders of a created row. */
  orders?: number;
}

export interface HundredRowFile {
  rows: TestRow[];
  expected: ExpectedRow[];
  /** Domains the sandbox must hold already (`existingDomains`) for the `exists` rows. */
  takenDomains: string[];
  /** The final counts of a first run. */
  counts: StatusCounts;
}

/**
 * The 100-row file of the end-to-end tests: every status, against a sandbox started with
 * `existingDomains: takenDomains, requireAgreementForPurchases: true`. Row n's domain is
 * `<prefix>n` (rows 68-72: `<prefix>taken1-5`; 91-95 repeat rows 1-5's domains). A first run
 * ends: 1-62 and 96-100 `created` (67; 51-62 with orders), 63-67 `invalid` (offers without the
 * MCA attestation, refused before any call), 68-72 `exists`, 73-90 `invalid` (18 more),
 * 91-95 `skipped` (duplicates).
 */
export function buildHundredRowFile(prefix: string): HundredRowFile {
  const { m365Basic, legacyE1, azurePlan } = TEST_OFFERS;
  const rows: TestRow[] = [];
  const expected: ExpectedRow[] = [];
  const add = (row: TestRow, want: ExpectedRow) => {
    rows.push(row);
    expected.push(want);
  };
  const takenDomains = Array.from({ length: 5 }, (_, index) => `${prefix}taken${index + 1}.onmicrosoft.com`);
  for (let i = 1; i <= 50; i++) add(validRow(`${prefix}${i}`), { status: 'created', orders: 0 });
  for (let i = 51; i <= 58; i++) {
    add(validRow(`${prefix}${i}`, { Offers: `${m365Basic}*3; ${legacyE1}*2`, Term: 'P1Y', 'Billing cycle': 'annual', ...MCA_ACCEPTED }), { status: 'created', orders: 2 });
  }
  for (let i = 59; i <= 62; i++) add(validRow(`${prefix}${i}`, { Offers: azurePlan, ...MCA_ACCEPTED }), { status: 'created', orders: 1 });
  for (let i = 63; i <= 67; i++) add(validRow(`${prefix}${i}`, { Offers: m365Basic }), { status: 'invalid', code: 'mca_required', field: 'mca_accepted' });
  for (let i = 1; i <= 5; i++) add(validRow(`${prefix}taken${i}`), { status: 'exists', code: 'domain_taken' });
  for (let i = 73; i <= 78; i++) add(validRow(`${prefix}${i}`, { Email: `not an email ${i}` }), { status: 'invalid', code: 'invalid_email', field: 'contact_email' });
  for (let i = 79; i <= 80; i++) add(validRow(`${prefix}${i}`, { 'Postal code': '9805' }), { status: 'invalid', code: 'invalid_postal_code', field: 'postal_code' });
  for (let i = 81; i <= 85; i++) add(validRow(`${prefix}${i}`, { 'Address line 1': `${i} Nowhere Road` }), { status: 'invalid', code: 'address_unverified' });
  for (let i = 86; i <= 88; i++) {
    add(validRow(`${prefix}${i}`, { Offers: 'CFQ7TTC0ZZZZ:0001:CFQ7TTC0ZZZZ', ...MCA_ACCEPTED }), { status: 'invalid', code: 'invalid_offers', field: 'offers' });
  }
  for (let i = 89; i <= 90; i++) add(validRow(`${prefix}${i}`, { Offers: `${azurePlan}*2`, ...MCA_ACCEPTED }), { status: 'invalid', code: 'invalid_offers', field: 'offers' });
  for (let i = 1; i <= 5; i++) add(validRow(`${prefix}${i}`, { 'CRM id': `dup-${i}` }), { status: 'skipped', code: 'duplicate_domain', field: 'domain' });
  for (let i = 96; i <= 100; i++) add(validRow(`${prefix}${i}`), { status: 'created', orders: 0 });
  return { rows, expected, takenDomains, counts: { pending: 0, created: 67, exists: 5, invalid: 23, failed: 0, skipped: 5, ready: 0, ordered: 0 } };
}
