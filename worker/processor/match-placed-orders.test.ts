import { describe, expect, it } from 'vitest';
import type { PlacedOrder } from '../../shared/partner-center/partner-center-client.ts';
import type { OtherPurchases } from '../store/order-claims.ts';
import { createdSince, legacyOrderOf, ordersOfCart, type OrdersReadBack } from './match-placed-orders.ts';

const BASIC = 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF';
const E3 = 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ';
const LEGACY_E1 = '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14';
const order = (id: string, ...lines: [string, number][]): PlacedOrder => ({ id, lineItems: lines.map(([offerId, quantity]) => ({ offerId, quantity })) });

const NOBODY: OtherPurchases = { claimed: new Set(), rivalPending: false };
const ids = (found: OrdersReadBack) => (found.kind === 'found' ? found.orders.map((placed) => placed.id) : found.kind);

describe('matching the orders a lost answer placed', () => {
  it("should take the orders whose lines are exactly the cart's items, one per item, whatever availability or case the order shows", () => {
    const orders = [order('annual', [BASIC.toLowerCase(), 3]), order('monthly', ['CFQ7TTC0LF8R:0001:OTHER', 1]), order('legacy', [LEGACY_E1, 2]), order('empty')];
    expect(ids(ordersOfCart(orders, [{ id: BASIC, quantity: 3 }, { id: E3, quantity: 1 }], NOBODY))).toEqual(['annual', 'monthly']);
    expect(ids(ordersOfCart([order('legacy', [LEGACY_E1, 2])], [{ id: BASIC, quantity: 3 }], NOBODY))).toBe('none');
  });

  it('should not take an order of another quantity, term or billing cycle, nor one another purchase took', () => {
    const cart = [{ id: BASIC, quantity: 4, term: 'P1Y' as const, billingCycle: 'annual' as const }];
    const annual = (id: string, quantity: number, term = 'P1Y'): PlacedOrder => ({ id, billingCycle: 'annual', lineItems: [{ offerId: BASIC, quantity, termDuration: term }] });
    expect(ids(ordersOfCart([annual('three', 3), annual('monthly-term', 4, 'P1M'), { ...annual('monthly', 4), billingCycle: 'monthly' }], cart, NOBODY))).toBe('none');
    expect(ids(ordersOfCart([annual('other', 4), annual('own', 4)], cart, { claimed: new Set(['other']), rivalPending: false }))).toEqual(['own']);
  });

  it('should never guess: several fitting orders are undecidable for good, one while another purchase of the same lines awaits its answer is undecidable for now', () => {
    const lines = [{ id: LEGACY_E1, quantity: 2 }];
    expect(legacyOrderOf([order('one', [LEGACY_E1, 2]), order('two', [LEGACY_E1, 2])], lines, NOBODY)).toMatchObject({ kind: 'undecided', retryable: false, reason: expect.stringContaining('one, two') });
    expect(ordersOfCart([order('one', [BASIC, 3]), order('two', [BASIC, 3])], [{ id: BASIC, quantity: 3 }], NOBODY)).toMatchObject({ kind: 'undecided', retryable: false });
    expect(legacyOrderOf([order('one', [LEGACY_E1, 2])], lines, { claimed: new Set(), rivalPending: true })).toMatchObject({ kind: 'undecided', retryable: true });
    expect(ids(legacyOrderOf([], lines, { claimed: new Set(), rivalPending: true }))).toBe('none');
  });

  it('should find a legacy order only when it has exactly the same offers and quantities', () => {
    const lines = [{ id: LEGACY_E1, quantity: 2 }];
    expect(ids(legacyOrderOf([order('cart', [BASIC, 2]), order('same', [LEGACY_E1.toLowerCase(), 2])], lines, NOBODY))).toEqual(['same']);
    expect(ids(legacyOrderOf([order('fewer', [LEGACY_E1, 1])], lines, NOBODY))).toBe('none');
    expect(ids(legacyOrderOf([order('more', [LEGACY_E1, 2], ['0B5C1D2E-0000-4000-8000-000000000001', 1])], lines, NOBODY))).toBe('none');
    expect(ids(legacyOrderOf([], lines, NOBODY))).toBe('none');
  });

  it("should keep only orders created since the row's first purchase call, allowing a minute of clock skew", () => {
    const at = (id: string, creationDate?: string): PlacedOrder => ({ ...order(id, [LEGACY_E1, 2]), ...(creationDate ? { creationDate } : {}) });
    const orders = [at('last-week', '2026-03-01T10:00:00Z'), at('skewed', '2026-03-08T09:59:30Z'), at('after', '2026-03-08T10:05:00Z'), at('undated'), at('just-outside', '2026-03-08T09:58:59Z')];
    expect(createdSince(orders, '2026-03-08T10:00:00.000Z').map((placed) => placed.id)).toEqual(['skewed', 'after', 'undated']);
  });
});
