import { randomUUID } from 'node:crypto';
import type { RedisConnection } from '../redis/redis-connection.ts';
import type { ImportState } from '../../shared/imports/import-types.ts';
import { feedingIndexKey, importKeys } from './import-keys.ts';
import type { RowState } from './row-state.ts';

/**
 * Where the feeder of an import stands. KEYS[1] meta, KEYS[2] the pending set.
 * Returns {state, cancelled, cursor, epoch, rows pending at or before the cursor}.
 */
const READ_FEED_WINDOW = `
local meta = redis.call('HMGET', KEYS[1], 'state', 'cancelled', 'fedTo', 'feedEpoch')
if not meta[1] then return {} end
local cursor = tonumber(meta[3] or '0')
return {meta[1], meta[2] or '', cursor, tonumber(meta[4] or '0'), redis.call('ZCOUNT', KEYS[2], '-inf', cursor)}
`;

/**
 * Moves the cursor to ARGV[1] once the jobs up to that row were added, unless a rewind (a new
 * epoch) came in between. KEYS[1] meta. ARGV: row, epoch.
 */
const ADVANCE_FEED_CURSOR = `
if tonumber(redis.call('HGET', KEYS[1], 'feedEpoch') or '0') ~= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'fedTo', ARGV[1])
return 1
`;

/** Takes the import off the feeding index unless a rewind came in between. KEYS: meta, index. ARGV: import id, epoch. */
const STOP_FEEDING = `
if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('HGET', KEYS[1], 'feedEpoch') or '0') ~= tonumber(ARGV[2]) then return 0 end
redis.call('SREM', KEYS[2], ARGV[1])
return 1
`;

/** Releases the feed lock only if this feeder still holds it. KEYS[1] lock, ARGV[1] token. */
const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export interface FeedWindow {
  state: ImportState;
  cancelled: boolean;
  /** Jobs were added for every pending row up to this row. */
  cursor: number;
  /** Bumped by each rewind: a feeder that read an older epoch does not move the cursor. */
  epoch: number;
  /** Pending rows at or before the cursor: the jobs queued or running for this import. */
  inWindow: number;
}

/**
 * The Redis side of feeding an import's rows to the queue a window at a time: the cursor and its
 * epoch (fields of the import's meta hash, so they expire with it), the index of imports that
 * still have rows to feed, and a short lock so that two feeders do not add the same window.
 */
export function createFeedWindowStore(redis: RedisConnection, prefix: string, runScript: (script: string, keys: readonly string[], args: readonly (string | number)[]) => Promise<unknown>) {
  const keysOf = (importId: string) => importKeys(prefix, importId);
  const lockKey = (importId: string) => `${keysOf(importId).meta}:feed-lock`;
  return {
    async read(importId: string): Promise<FeedWindow | undefined> {
      const keys = keysOf(importId);
      const raw = (await runScript(READ_FEED_WINDOW, [keys.meta, keys.byStatus.pending], [])) as [string, string, number, number, number] | [];
      if (raw.length === 0) return undefined;
      return { state: raw[0] as ImportState, cancelled: raw[1] === '1', cursor: raw[2], epoch: raw[3], inWindow: raw[4] };
    },

    /** The next pending rows after `afterRow` with their generation (a job id names both). */
    async pendingAfter(importId: string, afterRow: number, limit: number): Promise<{ row: number; gen: number }[]> {
      const keys = keysOf(importId);
      const rows = await redis.zrangebyscore(keys.byStatus.pending, `(${afterRow}`, '+inf', 'LIMIT', 0, limit);
      if (rows.length === 0) return [];
      const states = await redis.hmget(keys.rows, ...rows);
      return states.flatMap((raw) => {
        if (raw === null) return [];
        const state = JSON.parse(raw) as RowState;
        return state.status === 'pending' ? [{ row: state.row, gen: state.gen }] : [];
      });
    },

    async advance(importId: string, row: number, epoch: number): Promise<boolean> {
      return (await runScript(ADVANCE_FEED_CURSOR, [keysOf(importId).meta], [row, epoch])) === 1;
    },

    /** The import has rows to feed (after it was read, or after rows became pending again). */
    async startFeeding(importId: string): Promise<void> {
      await redis.sadd(feedingIndexKey(prefix), importId);
    },

    /**
     * Rows before the cursor became pending again (retry, resume): the next feed starts from the
     * first row. Rows whose job still exists are not added twice (the job id is the same).
     */
    async rewind(importId: string): Promise<void> {
      await redis.multi().hincrby(keysOf(importId).meta, 'feedEpoch', 1).hset(keysOf(importId).meta, 'fedTo', '0').sadd(feedingIndexKey(prefix), importId).exec();
    },

    async stopFeeding(importId: string, epoch: number): Promise<void> {
      await runScript(STOP_FEEDING, [keysOf(importId).meta, feedingIndexKey(prefix)], [importId, epoch]);
    },

    importsToFeed: (): Promise<string[]> => redis.smembers(feedingIndexKey(prefix)),

    /** A token when this feeder may feed the import now; undefined when another one does. */
    async lock(importId: string, ttlMs: number): Promise<string | undefined> {
      const token = randomUUID();
      return (await redis.set(lockKey(importId), token, 'PX', ttlMs, 'NX')) === 'OK' ? token : undefined;
    },

    async unlock(importId: string, token: string): Promise<void> {
      await runScript(RELEASE_LOCK, [lockKey(importId)], [token]);
    },
  };
}
