import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../shared/customer/customer-record.ts';
import { openCustomerCsv } from '../shared/csv/open-customer-csv.ts';
import type { Subscription } from '../shared/partner-center/partner-center-client.ts';
import { describeLicenceChange } from '../shared/orders/describe-licence-change.ts';
import { planLicenceChanges } from '../shared/orders/plan-licence-changes.ts';
import { readOrdersFile } from '../shared/orders/read-orders-file.ts';

const CUSTOMERS = fileURLToPath(new URL('../examples/customers.csv', import.meta.url));
const ADD_LICENCES = fileURLToPath(new URL('../examples/add-licences.csv', import.meta.url));
// The MCA dates of examples/customers.csv are in the past.
const NOW = new Date('2026-11-25T12:00:00Z');

/** The subscriptions importing examples/customers.csv leaves each customer with: one per offer, at the row's term. */
async function subscriptionsAfterCustomersImport(): Promise<Map<string, Subscription[]>> {
  const csv = await openCustomerCsv(createReadStream(CUSTOMERS), { now: NOW });
  const byDomain = new Map<string, Subscription[]>();
  for await (const row of csv.rows()) {
    if (!row.outcome.ok) continue;
    const record: CustomerRecord = row.outcome.record;
    byDomain.set(record.domain, record.offers.map((offer, index) => ({
      id: `${record.domain}-${index + 1}`,
      offerId: offer.id,
      quantity: offer.quantity,
      status: 'active',
      // A legacy offer (GUID) and the Azure plan have no term.
      ...(/^[0-9A-F-]{36}$|^DZH318Z0BQ3Q:/.test(offer.id) ? {} : { term: record.term }),
      billingCycle: record.billing_cycle,
      resource: {},
    })));
  }
  return byDomain;
}

describe('examples/add-licences.csv', () => {
  it('should add licences to customers that examples/customers.csv creates: raise some subscriptions and buy one', async () => {
    const subscriptions = await subscriptionsAfterCustomersImport();
    const orders = await readOrdersFile(createReadStream(ADD_LICENCES));
    const plans = orders.rows.map((row) => {
      if (!row.outcome.ok) return `row ${row.row}: ${row.outcome.problem.message.en}`;
      const { customer, items } = row.outcome.order;
      const owned = subscriptions.get(customer.value);
      if (!owned) return `row ${row.row}: ${customer.value} is not created by examples/customers.csv`;
      const plan = planLicenceChanges(items, owned);
      return plan.ok ? plan.value.map((change) => describeLicenceChange(change).en).join('; ') : plan.problem.message.en;
    });
    expect(plans).toEqual([
      'raise contosojp-1 from 25 to 30',
      'raise sakurasoft-1 from 10 to 12',
      'raise fabrikam-1 from 50 to 60; buy a new subscription: CFQ7TTC0J1FV:0002:CFQ7TTC0K5QS ×3',
      'raise wingtiptoysau-1 from 8 to 10',
    ]);
  });
});
