import { describe, expect, it, vi } from 'vitest';
import type { ImportEvent } from '../../shared/imports/import-types.ts';
import { Redis } from 'ioredis';
import { scanKeys, TEST_REDIS_URL, withRedis } from '../../test/support/redis/with-redis.ts';
import { startLoseAnswerProxy } from '../../test/support/redis/lose-answer-proxy.ts';
import { TRANSITION_ROW } from './lua-scripts.ts';
import { createImportEventBus } from './events/import-event-bus.ts';
import { createImportStore, type NewRow } from './create-import-store.ts';

const HEADER = { columns: ['Company', 'Domain'], keys: ['company_name', 'domain'] as const, encoding: 'utf-8', delimiter: ',' as const };

function pendingRows(count: number): NewRow[] {
  return Array.from({ length: count }, (_, index) => ({
    state: { row: index + 1, line: index + 2, status: 'pending', step: 'queued', gen: 0 },
    cells: [`Company ${index + 1}`, `c${index + 1}`],
  }));
}

describe('createImportStore', () => {
  it('should give a row exactly one final status when two jobs finish it at once', async () => {
    await withRedis(async (redis, prefix) => {
      const store = createImportStore(redis, prefix);
      await store.createImport({ id: 'imp', fileName: 'a.csv', createdAt: '2026-11-25T12:00:00.000Z', dryRun: false, cloud: 'global', header: { ...HEADER, keys: [...HEADER.keys] } });
      await store.recordRows('imp', pendingRows(20));
      await store.seal('imp', 20, 1);
      const attempts = Array.from({ length: 20 }, (_, index) => index + 1).flatMap((row) => [
        store.transition('imp', row, { status: 'created', step: 'ordered', customerId: `cust-${row}` }),
        store.transition('imp', row, { status: 'failed', errorCode: 'upstream_error' }),
      ]);
      const results = await Promise.all(attempts);
      expect(results.filter((result) => result.applied)).toHaveLength(20);
      const summary = (await store.getSummary('imp'))!;
      expect(summary.counts.pending).toBe(0);
      expect(summary.counts.created + summary.counts.failed).toBe(20);
      expect(summary.state).toBe('done');
      expect(summary.blankLines).toBe(1);
      const created = await store.rowsWithStatus('imp', 'created', 0, 100);
      const failed = await store.rowsWithStatus('imp', 'failed', 0, 100);
      expect(created.length).toBe(summary.counts.created);
      expect([...created, ...failed].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    });
  });

  it('should ignore a transition of an older generation or a step that does not match', async () => {
    await withRedis(async (redis, prefix) => {
      const store = createImportStore(redis, prefix);
      await store.createImport({ id: 'imp', fileName: 'a.csv', createdAt: '2026-11-25T12:00:00.000Z', dryRun: false, cloud: 'global', header: { ...HEADER, keys: [...HEADER.keys] } });
      await store.recordRows('imp', pendingRows(1));
      expect((await store.transition('imp', 1, { status: 'created' }, { gen: 1 })).applied).toBe(false);
      expect((await store.transition('imp', 1, { status: 'skipped' }, { steps: ['creating'] })).applied).toBe(false);
      const applied = await store.transition('imp', 1, { step: 'checked', offerKinds: 'legacy' }, { steps: ['queued'], gen: 0 });
      expect(applied).toMatchObject({ applied: true, statusChanged: false, state: { status: 'pending', step: 'checked', offerKinds: 'legacy' } });
      await store.transition('imp', 1, { status: 'failed', errorCode: 'timeout', errorEn: 'x', errorJa: 'y' });
      const requeued = await store.transition('imp', 1, { status: 'pending', gen: 1, errorCode: null, errorEn: null, errorJa: null }, { from: ['failed'] });
      expect(requeued.state).toEqual({ row: 1, line: 2, status: 'pending', step: 'checked', gen: 1, offerKinds: 'legacy', op: expect.any(String) });
      expect((await store.getSummary('imp'))!.counts).toMatchObject({ pending: 1, failed: 0 });
    });
  });

  it('should answer a transition that ioredis sends again after its answer was lost as applied, and apply it once', async () => {
    const proxy = await startLoseAnswerProxy(TEST_REDIS_URL);
    const viaProxy = new Redis(proxy.url, { maxRetriesPerRequest: null });
    viaProxy.on('error', () => undefined); // the proxy cuts the connection on purpose
    try {
      await withRedis(async (redis, prefix) => {
        const store = createImportStore(viaProxy, prefix);
        await store.createImport({ id: 'imp', fileName: 'a.csv', createdAt: '2026-11-25T12:00:00.000Z', dryRun: false, cloud: 'global', header: { ...HEADER, keys: [...HEADER.keys] } });
        await store.recordRows('imp', pendingRows(2));
        await store.seal('imp', 2, 0);
        // Loaded before: the answer lost is the transition's own, not a NOSCRIPT.
        await redis.script('LOAD', TRANSITION_ROW);

        const claimLost = proxy.loseAnswerTo('"step":"checked"');
        const claim = store.transition('imp', 1, { step: 'checked', offerKinds: 'legacy' }, { steps: ['queued'], gen: 0 });
        await claimLost;
        expect(await claim).toMatchObject({ applied: true, statusChanged: false, state: { status: 'pending', step: 'checked' } });
        // Another transition with the same condition is still refused: the row left that step.
        expect((await store.transition('imp', 1, { step: 'checked', offerKinds: 'legacy' }, { steps: ['queued'], gen: 0 })).applied).toBe(false);

        const finalLost = proxy.loseAnswerTo('"status":"created"');
        const final = store.transition('imp', 1, { status: 'created', step: 'ordered' });
        await finalLost;
        expect(await final).toMatchObject({ applied: true, statusChanged: true, state: { status: 'created' } });
        expect((await store.getSummary('imp'))!.counts).toMatchObject({ pending: 1, created: 1 });
        expect(await store.rowsWithStatus('imp', 'created', 0, 10)).toEqual([1]);
      });
    } finally {
      viaProxy.disconnect();
      await proxy.close();
    }
  });

  it('should publish row, progress and drained events that a subscriber on another connection receives', async () => {
    await withRedis(async (redis, prefix) => {
      const store = createImportStore(redis, prefix);
      const bus = createImportEventBus(() => redis.duplicate(), prefix);
      try {
        await store.createImport({ id: 'imp', fileName: 'a.csv', createdAt: '2026-11-25T12:00:00.000Z', dryRun: true, cloud: 'global', header: { ...HEADER, keys: [...HEADER.keys] } });
        await store.recordRows('imp', pendingRows(2));
        await store.seal('imp', 2, 0);
        const events: ImportEvent[] = [];
        let resolveDrained!: () => void;
        const drained = new Promise<void>((resolve) => (resolveDrained = resolve));
        // Awaited: the subscription is live before the first transition publishes.
        await bus.subscribe('imp', (event) => {
          events.push(event);
          if (event.type === 'drained') resolveDrained();
        });
        await store.transition('imp', 1, { status: 'ready' });
        await store.transition('imp', 2, { status: 'ready' });
        await drained;
        expect(events.map((event) => event.type)).toEqual(['row', 'progress', 'row', 'progress', 'drained']);
        expect(events[0]).toMatchObject({ type: 'row', importId: 'imp', result: { row: 1, status: 'ready' } });
        expect(events.at(-1)).toMatchObject({ counts: { ready: 2, pending: 0 } });
      } finally {
        await bus.close();
      }
    });
  });

  it('should move many rows at once, only those at an allowed step, with one event per row', async () => {
    await withRedis(async (redis, prefix) => {
      const store = createImportStore(redis, prefix);
      const bus = createImportEventBus(() => redis.duplicate(), prefix);
      try {
        await store.createImport({ id: 'imp', fileName: 'a.csv', createdAt: '2026-11-25T12:00:00.000Z', dryRun: false, cloud: 'global', header: { ...HEADER, keys: [...HEADER.keys] } });
        await store.recordRows('imp', pendingRows(5));
        await store.seal('imp', 5, 0);
        await store.transition('imp', 2, { step: 'creating' });
        const events: ImportEvent[] = [];
        await bus.subscribe('imp', (event) => events.push(event));
        const changed = await store.transitionMany('imp', [1, 2, 3, 4, 5], { status: 'skipped', errorCode: 'cancelled' }, { from: ['pending'], steps: ['queued', 'checked'] });
        expect(changed).toEqual([{ row: 1, gen: 0 }, { row: 3, gen: 0 }, { row: 4, gen: 0 }, { row: 5, gen: 0 }]);
        expect((await store.getSummary('imp'))!.counts).toMatchObject({ pending: 1, skipped: 4 });
        const retried = await store.transitionMany('imp', [1, 3], { status: 'pending', errorCode: null }, { from: ['skipped'], bumpGen: true });
        expect(retried).toEqual([{ row: 1, gen: 1 }, { row: 3, gen: 1 }]);
        expect(await store.getRow('imp', 3)).toEqual({ row: 3, line: 4, status: 'pending', step: 'queued', gen: 1 });
        expect((await store.getSummary('imp'))!.counts).toMatchObject({ pending: 3, skipped: 2 });
        await vi.waitFor(() => expect(events.length).toBeGreaterThanOrEqual(8), { timeout: 5_000, interval: 25 });
        expect(events.filter((event) => event.type === 'row').map((event) => event.type === 'row' && [event.result.row, event.result.status])).toEqual([
          [1, 'skipped'], [3, 'skipped'], [4, 'skipped'], [5, 'skipped'], [1, 'pending'], [3, 'pending'],
        ]);
      } finally {
        await bus.close();
      }
    });
  });

  it('should set the retention TTL on every key once the import drains, and lift it while a retry runs', async () => {
    await withRedis(async (redis, prefix) => {
      const retentionMs = 7 * 24 * 60 * 60 * 1000;
      const store = createImportStore(redis, prefix, { retentionMs });
      await store.createImport({ id: 'imp', fileName: 'a.csv', createdAt: '2026-11-25T12:00:00.000Z', dryRun: false, cloud: 'global', header: { ...HEADER, keys: [...HEADER.keys] } });
      await store.recordRows('imp', pendingRows(3));
      await store.seal('imp', 3, 0);
      const keys = await scanKeys(redis, `${prefix}:import:imp*`);
      const ttls = async () => Promise.all(keys.map((key) => redis.pttl(key)));
      // meta, rows, cells, pending set (records only exist for validated rows).
      expect(keys.length).toBeGreaterThanOrEqual(4);
      await store.transition('imp', 1, { status: 'created', step: 'ordered' });
      await store.transition('imp', 2, { status: 'failed', errorCode: 'upstream_error' });
      expect(await redis.pttl(`${prefix}:import:imp`)).toBe(-1);

      await store.transition('imp', 3, { status: 'created', step: 'ordered' });
      const settledKeys = await scanKeys(redis, `${prefix}:import:imp*`);
      for (const ttl of await Promise.all(settledKeys.map((key) => redis.pttl(key)))) {
        expect(ttl).toBeGreaterThan(retentionMs - 60_000);
        expect(ttl).toBeLessThanOrEqual(retentionMs);
      }

      await store.keepImport('imp');
      await store.transitionMany('imp', [2], { status: 'pending', errorCode: null }, { from: ['failed'], bumpGen: true });
      expect(await ttls()).toSatisfy((values: number[]) => values.every((ttl) => ttl === -1 || ttl === -2));
      expect(await redis.pttl(`${prefix}:import:imp`)).toBe(-1);
      expect(await store.expireIfSettled('imp')).toBe(false);

      await store.transition('imp', 2, { status: 'created', step: 'ordered' });
      expect(await redis.pttl(`${prefix}:import:imp`)).toBeGreaterThan(retentionMs - 60_000);
      expect(await redis.pttl(`${prefix}:import:imp:rows`)).toBeGreaterThan(retentionMs - 60_000);
    });
  });

  it('should start the retention of a cancelled import when its last running row ends', async () => {
    await withRedis(async (redis, prefix) => {
      const store = createImportStore(redis, prefix, { retentionMs: 60_000 });
      await store.createImport({ id: 'imp', fileName: 'a.csv', createdAt: '2026-11-25T12:00:00.000Z', dryRun: false, cloud: 'global', header: { ...HEADER, keys: [...HEADER.keys] } });
      await store.recordRows('imp', pendingRows(2));
      await store.seal('imp', 2, 0);
      await store.transition('imp', 1, { step: 'creating' });
      await store.setMetaFields('imp', { cancelled: '1', state: 'cancelled' });
      await store.transitionMany('imp', [1, 2], { status: 'skipped', errorCode: 'cancelled' }, { from: ['pending'], steps: ['queued', 'checked'] });
      expect(await redis.pttl(`${prefix}:import:imp`)).toBe(-1);
      await store.transition('imp', 1, { status: 'created', step: 'ordered' });
      expect(await redis.pttl(`${prefix}:import:imp`)).toBeGreaterThan(0);
      expect(await redis.pttl(`${prefix}:import:imp:cells`)).toBeGreaterThan(0);
    });
  });
});
