import { describe, expect, it, vi } from 'vitest';
import type { ImportEvent } from '../../../shared/imports/import-types.ts';
import { withRedis } from '../../../test/support/redis/with-redis.ts';
import { compareEventIds } from './event-id.ts';
import { createImportEventBus } from './import-event-bus.ts';
import { createImportEventLog } from './import-event-log.ts';

const COUNTS = { pending: 1, created: 0, exists: 0, invalid: 0, failed: 0, skipped: 0, ready: 0, ordered: 0 };
const progress = (created: number): ImportEvent => ({ type: 'progress', importId: 'imp', counts: { ...COUNTS, created }, state: 'running' });

describe('the import event log', () => {
  it('should give events increasing ids that subscribers see too, and replay what followed an id', async () => {
    await withRedis(async (redis, prefix) => {
      const log = createImportEventLog(redis, prefix);
      const bus = createImportEventBus(() => redis.duplicate(), prefix);
      try {
        expect(await log.latestId('imp')).toBe('0-0');
        const live: { id: string; created: number }[] = [];
        await bus.subscribe('imp', (event, id) => event.type === 'progress' && live.push({ id, created: event.counts.created }));
        const ids = [...(await log.append('imp', [progress(1), progress(2)])), ...(await log.append('imp', [progress(3)]))];
        expect(ids).toHaveLength(3);
        expect(compareEventIds(ids[0]!, ids[1]!)).toBeLessThan(0);
        expect(compareEventIds(ids[1]!, ids[2]!)).toBeLessThan(0);
        expect(await log.latestId('imp')).toBe(ids[2]);
        await vi.waitFor(() => expect(live).toHaveLength(3), { timeout: 5_000, interval: 25 });
        expect(live).toEqual(ids.map((id, index) => ({ id, created: index + 1 })));

        const replay = await log.since('imp', ids[0]!);
        expect(replay.complete).toBe(true);
        expect(replay.events.map(({ id, event }) => [id, event.type === 'progress' && event.counts.created])).toEqual([[ids[1], 2], [ids[2], 3]]);
        expect(await log.since('imp', ids[2]!)).toEqual({ events: [], complete: true });
        expect((await log.since('imp', '0-0')).events).toHaveLength(3);
      } finally {
        await bus.close();
      }
    });
  });

  it.each([
    ['not an event id', 'abc'],
    ['an id from the future', '99999999999999-0'],
  ])('should not claim a complete replay for %s', async (_name, lastEventId) => {
    await withRedis(async (redis, prefix) => {
      const log = createImportEventLog(redis, prefix);
      await log.append('imp', [progress(1)]);
      expect(await log.since('imp', lastEventId)).toEqual({ events: [], complete: false });
    });
  });

  it('should say the replay is incomplete once the events after the id were trimmed', async () => {
    await withRedis(async (redis, prefix) => {
      const log = createImportEventLog(redis, prefix, { maxLength: 10 });
      const [first] = await log.append('imp', [progress(0)]);
      for (let batch = 0; batch < 6; batch++) await log.append('imp', Array.from({ length: 100 }, (_, index) => progress(batch * 100 + index)));
      expect(await redis.xlen(`${prefix}:import:imp:events`)).toBeLessThan(601);
      expect((await log.since('imp', first!)).complete).toBe(false);
      expect((await log.since('imp', '0-0')).complete).toBe(false);
      const latest = await log.latestId('imp');
      expect(await log.since('imp', latest)).toEqual({ events: [], complete: true });
    });
  });
});
