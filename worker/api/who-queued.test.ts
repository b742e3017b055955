import { describe, expect, it } from 'vitest';
import { auth, csvUpload, expectProblem, setupApp, TEST_TOKEN } from '../../test/support/api/api-test-setup.ts';
import { withRedis } from '../../test/support/redis/with-redis.ts';
import { createTokenRegistry } from '../auth/create-token-registry.ts';
import { createLedger } from '../ledger/create-ledger.ts';

describe('who queued an import, and the ledger, over the API', () => {
  it('should record the name of the token on the import, refuse a revoked token, and list the ledger', async () => {
    await withRedis(async (redis, prefix) => {
      const tokens = createTokenRegistry(redis, prefix);
      const ledger = createLedger(redis, prefix);
      await tokens.registerConfigured(TEST_TOKEN);
      const alice = await tokens.add('alice');
      const { app, service } = setupApp({ identifyToken: (candidate) => tokens.identify(candidate), ledger });

      const asAlice = csvUpload();
      asAlice.headers.Authorization = `Bearer ${alice}`;
      const created = await app.request('/imports', asAlice);
      expect(created.status).toBe(201);
      const summary = (await created.json()) as { id: string; queuedBy?: string };
      expect(summary.queuedBy).toBe('alice');
      expect(service.created.at(-1)?.queuedBy).toBe('alice');
      expect(((await (await app.request(`/imports/${summary.id}`, { headers: auth })).json()) as { queuedBy?: string }).queuedBy).toBe('alice');
      expect(((await (await app.request('/imports', csvUpload())).json()) as { queuedBy?: string }).queuedBy).toBe('first');

      await tokens.revoke('alice');
      await expectProblem(await app.request('/imports', { headers: { Authorization: `Bearer ${alice}` } }), 401, 'unauthorized');

      await ledger.record({ cloud: 'global', domain: 'contoso', customerId: 'c-1', adminUser: 'admin@contoso.onmicrosoft.com', importId: summary.id, fileName: 'customers.csv', row: 1, createdAt: '2026-12-01T09:00:00.000Z', queuedBy: 'alice' });
      await ledger.record({ cloud: 'global', domain: 'fabrikam', customerId: 'c-2', adminUser: 'admin@fabrikam.onmicrosoft.com', importId: summary.id, fileName: 'customers.csv', row: 2, createdAt: '2026-12-02T09:00:00.000Z', queuedBy: 'first' });
      await expectProblem(await app.request('/ledger'), 401, 'unauthorized');
      const all = (await (await app.request('/ledger', { headers: auth })).json()) as { items: { domain: string; queuedBy: string }[] };
      expect(all.items.map((entry) => [entry.domain, entry.queuedBy])).toEqual([['contoso', 'alice'], ['fabrikam', 'first']]);
      const since = (await (await app.request('/ledger?since=2026-12-02', { headers: auth })).json()) as { items: { domain: string }[] };
      expect(since.items.map((entry) => entry.domain)).toEqual(['fabrikam']);
      const paged = (await (await app.request('/ledger?limit=1', { headers: auth })).json()) as { items: unknown[]; nextCursor?: string };
      expect(paged.items).toHaveLength(1);
      const next = (await (await app.request(`/ledger?limit=1&cursor=${paged.nextCursor}`, { headers: auth })).json()) as { items: { domain: string }[]; nextCursor?: string };
      expect(next.items.map((entry) => entry.domain)).toEqual(['fabrikam']);
      expect(next.nextCursor).toBeUndefined();
      await expectProblem(await app.request('/ledger?since=yesterday', { headers: auth }), 400, 'invalid-request');
    });
  });
});
