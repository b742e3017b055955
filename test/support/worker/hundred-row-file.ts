import { expect } from 'vitest';
import type { StatusCounts } from '../../../shared/imports/import-types.ts';
import { validRow, type TestRow } from './build-customer-csv.ts';

/** Offers the sandbox's catalog knows (sandbox/README.md), for the worker's test files. */
export const TEST_OFFERS = {
  m365Basic: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF',
  legacyE1: '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14',
  azurePlan: 'DZH318Z0BQ3Q:0001:DZH318Z0BQ3R',
} as const;

/** An attested Microsoft Customer Agreement, which the sandbox requires for purchases. */
export const MCA_ACCEPTED: TestRow = { 'MCA accepted': 'yes', 'MCA date': '2026-01-15' };

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

/** Checks a results file (parsed) row by row against the file's expectations. */
export function expectResultsAsExpected(results: Record<string, string>[], file: Pick<HundredRowFile, 'rows' | 'expected'>): void {
  expect(results).toHaveLength(file.rows.length);
  results.forEach((result, index) => {
    const want = file.expected[index]!;
    const label = `row ${index + 1}`;
    expect(result.pc_row, label).toBe(String(index + 1));
    expect(result['CRM id'], label).toBe(file.rows[index]!['CRM id']);
    expect(result.pc_status, label).toBe(want.status);
    expect(result.pc_error_code, label).toBe(want.code ?? '');
    if (want.field) expect(result.pc_error_field, label).toBe(want.field);
    if (want.status === 'created') {
      expect(result.pc_customer_id, label).toMatch(/^[0-9a-f-]{36}$/);
      expect(result.pc_admin_user, label).toBe(`admin@${file.rows[index]!.Domain}.onmicrosoft.com`);
      expect((result.pc_orders ?? '').split(';').filter(Boolean), label).toHaveLength(want.orders!);
    } else {
      expect(result.pc_error, label).not.toBe('');
    }
    if (want.status === 'exists') expect(result.pc_relationship_url, label).toMatch(/^https:\/\/admin\.microsoft\.com\//);
    if (want.status === 'failed') expect(result.pc_customer_id, label).not.toBe('');
  });
}
