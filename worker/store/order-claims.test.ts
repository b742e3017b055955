import { describe, expect, it } from 'vitest';
import { withRedis } from '../../test/support/redis/with-redis.ts';
import { createOrderClaims, type OtherPurchases, type PurchaseOf } from './order-claims.ts';

const of = (purchase: string, customerId = 'customer-1'): PurchaseOf => ({ cloud: 'global', customerId, purchase });
const LINE = 'CFQ7TTC0LH18:0001*4*P1Y*annual';

describe('the claims of placed orders', () => {
  it("should tell a read-back the orders other purchases took and whether one of its lines awaits another's answer", async () => {
    await withRedis(async (redis, prefix) => {
      const claims = createOrderClaims(redis, prefix);
      await claims.register(of('imp:1:0:checkout'), [LINE]);
      await claims.register(of('imp:2:0:checkout'), [LINE]);
      await claims.register(of('imp:3:0:checkout'), ['OTHER*1**']);
      await claims.register(of('imp:4:0:checkout', 'customer-2'), [LINE]);
      const seen: OtherPurchases[] = [];
      const look = () => claims.take(of('imp:1:0:checkout'), (others) => seen.push(others), () => undefined);
      await look();
      await claims.record(of('imp:2:0:checkout'), ['order-2']);
      await look();
      expect(seen).toEqual([
        { claimed: new Set(), rivalPending: true },
        { claimed: new Set(['order-2']), rivalPending: false },
      ]);
      // Registering again keeps what was recorded; a refused purchase (no orders) is under way again.
      await claims.register(of('imp:2:0:checkout'), [LINE]);
      await claims.record(of('imp:3:0:checkout'), []);
      await look();
      expect(seen[2]).toEqual({ claimed: new Set(['order-2']), rivalPending: false });
      await claims.record(of('imp:2:0:checkout'), []);
      await look();
      await claims.register(of('imp:2:0:checkout'), [LINE]);
      await look();
      expect(seen.slice(3)).toEqual([
        { claimed: new Set(), rivalPending: false },
        { claimed: new Set(), rivalPending: true },
      ]);
      expect(await redis.pttl(`${prefix}:order-claims:global:customer-1`)).toBeGreaterThan(0);
    });
  });

  it('should let only one of two purchases deciding at once take an order', async () => {
    await withRedis(async (redis, prefix) => {
      const claims = createOrderClaims(redis, prefix);
      const purchases = ['imp:1:0:legacy-order', 'imp:2:0:legacy-order'];
      for (const purchase of purchases) await claims.register(of(purchase), [LINE]);
      const takeUnclaimed = (purchase: string) =>
        claims.take(
          of(purchase),
          (others) => (others.claimed.has('order-1') ? undefined : 'order-1'),
          (order) => (order ? [order] : undefined),
        );
      const taken = await Promise.all(purchases.map(takeUnclaimed));
      expect(taken.filter((order) => order === 'order-1')).toHaveLength(1);
    });
  });
});
