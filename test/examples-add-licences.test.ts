import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readOrdersFile } from '../shared/orders/read-orders-file.ts';

const EXAMPLE = fileURLToPath(new URL('../examples/add-licences.csv', import.meta.url));

describe('examples/add-licences.csv', () => {
  it('should be an orders file whose rows are all valid: a raise by domain prefix, and two items by full domain', async () => {
    const file = await readOrdersFile(createReadStream(EXAMPLE));
    expect(file.keys).toEqual(['customer', 'offers', 'term', 'billing_cycle', 'subscription_id']);
    expect(file.rows.map((row) => (row.outcome.ok ? [row.outcome.order.customer.value, row.outcome.order.items.length] : row.outcome.problem.code))).toEqual([
      ['contoso', 1],
      ['fabrikam', 2],
    ]);
  });
});
