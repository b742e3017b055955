import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openCustomerCsv } from '../shared/csv/open-customer-csv.ts';

const EXAMPLE = fileURLToPath(new URL('../examples/customers.csv', import.meta.url));
// 2026-11-25 12:00 UTC: the MCA dates of the example are in the past.
const NOW = new Date('2026-11-25T12:00:00Z');

describe('examples/customers.csv', () => {
  it('should hold 20 rows: valid ones, a few with obvious defects and one duplicate domain', async () => {
    const csv = await openCustomerCsv(createReadStream(EXAMPLE), { now: NOW });
    expect(csv.header).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    const outcomes: string[] = [];
    for await (const row of csv.rows()) {
      outcomes.push(row.outcome.ok ? 'ok' : `${row.outcome.status}:${row.outcome.problem.code}:${row.outcome.problem.field ?? ''}`);
    }
    expect(outcomes).toEqual([
      ...Array<string>(12).fill('ok'),
      'invalid:invalid_domain:domain',
      'invalid:invalid_postal_code:postal_code',
      'invalid:invalid_email:contact_email',
      'skipped:duplicate_domain:domain',
      'invalid:invalid_billing_cycle:billing_cycle',
      'ok',
      'ok',
      'invalid:required:contact_first_name',
    ]);
  });
});
