import { describe, expect, it } from 'vitest';
import { scanKeys, withRedis } from '../../test/support/redis/with-redis.ts';
import { createLedger } from './create-ledger.ts';
import type { LedgerEntry } from './ledger-entry.ts';

const entry = (domain: string, createdAt: string, extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  cloud: 'global',
  domain,
  customerId: `id-${domain}`,
  adminUser: `admin@${domain}.onmicrosoft.com`,
  importId: 'imp-1',
  fileName: 'customers.csv',
  row: 1,
  createdAt,
  queuedBy: 'alice',
  ...extra,
});

describe('the ledger of created customers', () => {
  it('should find a customer by cloud and domain in any spelling, keep the first entry, and keep it without a TTL', async () => {
    await withRedis(async (redis, prefix) => {
      const ledger = createLedger(redis, prefix);
      await ledger.record(entry('contoso', '2026-12-01T10:00:00.000Z'));
      await ledger.record(entry('contoso', '2026-12-02T10:00:00.000Z', { customerId: 'replayed', importId: 'imp-2' }));
      expect(await ledger.find('global', 'Contoso.onmicrosoft.com')).toMatchObject({ customerId: 'id-contoso', importId: 'imp-1', queuedBy: 'alice' });
      expect(await ledger.find('usgov', 'contoso')).toBeUndefined();
      for (const key of await scanKeys(redis, `${prefix}:ledger*`)) expect(await redis.pttl(key)).toBe(-1);
    });
  });

  it('should list entries in creation order, by domain and since a date', async () => {
    await withRedis(async (redis, prefix) => {
      const ledger = createLedger(redis, prefix);
      await ledger.record(entry('late', '2026-12-03T10:00:00.000Z'));
      await ledger.record(entry('early', '2026-12-01T10:00:00.000Z'));
      await ledger.record(entry('middle', '2026-12-02T10:00:00.000Z', { cloud: 'usgov' }));
      const all = async (query?: Parameters<typeof ledger.list>[0]) => {
        const found: string[] = [];
        for await (const item of ledger.list(query)) found.push(`${item.cloud}:${item.domain}`);
        return found;
      };
      expect(await all()).toEqual(['global:early', 'usgov:middle', 'global:late']);
      expect(await all({ since: new Date('2026-12-02T00:00:00Z') })).toEqual(['usgov:middle', 'global:late']);
      expect(await all({ domain: 'MIDDLE' })).toEqual(['usgov:middle']);
      expect(await all({ domain: 'early', since: new Date('2026-12-02T00:00:00Z') })).toEqual([]);
    });
  });
});
