import type { TestRow } from './build-customer-csv.ts';

/** Offers the sandbox's catalog knows (sandbox/README.md), for the worker's test files and benchmarks. */
export const TEST_OFFERS = {
  m365Basic: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF',
  legacyE1: '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14',
  azurePlan: 'DZH318Z0BQ3Q:0001:DZH318Z0BQ3R',
} as const;

/** An attested Microsoft Customer Agreement, which the sandbox requires for purchases. */
export const MCA_ACCEPTED: TestRow = { 'MCA accepted': 'yes', 'MCA date': '2026-01-15' };
