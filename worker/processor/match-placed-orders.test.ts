import { describe, expect, it } from 'vitest';
import type { PlacedOrder } from '../../shared/partner-center/partner-center-client.ts';
import { createdSince, findLegacyOrder, ordersOfCart } from './match-placed-orders.ts';

const BASIC = 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF';
const E3 = 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ';
const LEGACY_E1 = '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14';
const order = (id: string, ...lines: [string, number][]): PlacedOrder => ({ id, lineItems: lines.map(([offerId, quantity]) => ({ offerId, quantity })) });

describe('matching the orders a lost answer placed', () => {
  it("should take every order whose lines are all the cart's items, whatever availability or case the order shows", () => {
    const orders = [order('annual', [BASIC.toLowerCase(), 3]), order('monthly', ['CFQ7TTC0LF8R:0001:OTHER', 1]), order('legacy', [LEGACY_E1, 2]), order('empty')];
    expect(ordersOfCart(orders, [{ id: BASIC, quantity: 3 }, { id: E3, quantity: 1 }]).map((placed) => placed.id)).toEqual(['annual', 'monthly']);
    expect(ordersOfCart([order('legacy', [LEGACY_E1, 2])], [{ id: BASIC, quantity: 3 }])).toEqual([]);
  });

  it('should find a legacy order only when it has exactly the same offers and quantities', () => {
    const lines = [{ id: LEGACY_E1, quantity: 2 }];
    expect(findLegacyOrder([order('cart', [BASIC, 2]), order('same', [LEGACY_E1.toLowerCase(), 2])], lines)?.id).toBe('same');
    expect(findLegacyOrder([order('fewer', [LEGACY_E1, 1])], lines)).toBeUndefined();
    expect(findLegacyOrder([order('more', [LEGACY_E1, 2], ['0B5C1D2E-0000-4000-8000-000000000001', 1])], lines)).toBeUndefined();
    expect(findLegacyOrder([], lines)).toBeUndefined();
  });

  it("should keep only orders created since the row's first purchase call, allowing a minute of clock skew", () => {
    const at = (id: string, creationDate?: string): PlacedOrder => ({ ...order(id, [LEGACY_E1, 2]), ...(creationDate ? { creationDate } : {}) });
    const orders = [at('last-week', '2026-03-01T10:00:00Z'), at('skewed', '2026-03-08T09:59:30Z'), at('after', '2026-03-08T10:05:00Z'), at('undated'), at('just-outside', '2026-03-08T09:58:59Z')];
    expect(createdSince(orders, '2026-03-08T10:00:00.000Z').map((placed) => placed.id)).toEqual(['skewed', 'after', 'undated']);
  });
});
