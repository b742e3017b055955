import { describe, expect, it } from 'vitest';
import type { Subscription } from '../partner-center/partner-center-client.ts';
import { describeLicenceChange, formatAppliedChanges } from './describe-licence-change.ts';
import { planLicenceChanges, type LicenceItem } from './plan-licence-changes.ts';

const BASIC = 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF';
const E3 = 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ';
const LEGACY = '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14';

function subscription(id: string, offerId: string, quantity: number, extra: Partial<Subscription> = {}): Subscription {
  return { id, offerId, quantity, status: 'active', term: 'P1Y', billingCycle: 'monthly', resource: {}, ...extra };
}
const item = (id: string, quantity: number, extra: Partial<LicenceItem> = {}): LicenceItem => ({ id, quantity, term: 'P1Y', billingCycle: 'monthly', ...extra });

describe('planLicenceChanges (orders file §6)', () => {
  it('should raise the active subscription of the same PRODUCT:SKU, term and cycle, whatever availability it was bought under', () => {
    const plan = planLicenceChanges([item(BASIC, 5)], [subscription('s1', 'CFQ7TTC0LH18:0001:CFQ7TTC0K971', 10, { offerName: 'Microsoft 365 Business Basic' })]);
    expect(plan).toEqual({ ok: true, value: [{ kind: 'raise', item: item(BASIC, 5), subscriptionId: 's1', offerName: 'Microsoft 365 Business Basic', from: 10, to: 15 }] });
  });

  it('should buy when only another term, another cycle, another product or an inactive subscription exists', () => {
    const subscriptions = [
      subscription('other-term', BASIC, 10, { term: 'P1M' }),
      subscription('other-cycle', BASIC, 10, { billingCycle: 'annual' }),
      subscription('other-product', E3, 10),
      subscription('suspended', BASIC, 10, { status: 'suspended' }),
    ];
    expect(planLicenceChanges([item(BASIC, 2)], subscriptions)).toEqual({ ok: true, value: [{ kind: 'buy', item: item(BASIC, 2) }] });
  });

  it('should match a legacy offer by its whole GUID and no term', () => {
    const plan = planLicenceChanges([item(LEGACY, 1, { term: undefined })], [subscription('legacy', LEGACY, 3, { term: undefined })]);
    expect(plan.ok && plan.value[0]).toMatchObject({ kind: 'raise', from: 3, to: 4 });
  });

  it('should refuse two matching subscriptions, naming both, unless subscription_id picks one', () => {
    const twins = [subscription('s1', BASIC, 10), subscription('s2', BASIC, 4)];
    const ambiguous = planLicenceChanges([item(BASIC, 1)], twins);
    expect(ambiguous.ok).toBe(false);
    expect(!ambiguous.ok && ambiguous.problem).toMatchObject({ code: 'invalid_offers', field: 'offers', message: { en: expect.stringMatching(/s1, s2.*subscription_id/) } });
    const picked = planLicenceChanges([item(BASIC, 1)], twins, 'S2');
    expect(picked.ok && picked.value[0]).toMatchObject({ kind: 'raise', subscriptionId: 's2', from: 4, to: 5 });
  });

  it('should refuse a subscription_id that is unknown, inactive or of another product', () => {
    const subscriptions = [subscription('s1', BASIC, 10), subscription('gone', BASIC, 10, { status: 'suspended' })];
    for (const [id, said] of [['nope', /no subscription nope/], ['gone', /suspended/], ['s1', /none of the row's offers/]] as const) {
      const items = id === 's1' ? [item(E3, 1)] : [item(BASIC, 1)];
      const plan = planLicenceChanges(items, subscriptions, id);
      expect(!plan.ok && plan.problem.message.en).toMatch(said);
    }
  });

  it('should say what it will do, in English and Japanese, and format what was applied for pc_subscriptions', () => {
    const plan = planLicenceChanges([item(BASIC, 5), item(E3, 2)], [subscription('s1', BASIC, 10, { offerName: 'Microsoft 365 Business Basic' })]);
    expect(plan.ok && plan.value.map((change) => describeLicenceChange(change).en)).toEqual([
      'raise Microsoft 365 Business Basic (s1) from 10 to 15',
      `buy a new subscription: ${E3} ×2`,
    ]);
    expect(plan.ok && describeLicenceChange(plan.value[0]!).ja).toBe('Microsoft 365 Business Basic (s1) を 10 から 15 に増やす');
    expect(formatAppliedChanges([{ subscriptionId: 's1', from: 10, to: 15 }, { subscriptionId: 's9', added: 2 }])).toBe('s1:10→15;s9:+2');
  });
});
