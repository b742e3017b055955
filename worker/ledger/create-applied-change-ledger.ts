import type { RedisConnection } from '../redis/redis-connection.ts';
import type { CloudName } from '../../shared/partner-center/clouds.ts';
import type { AppliedChange } from './applied-change.ts';

/** Which item of which row: `row` from 1, `item` from 0. */
interface ItemOfRow {
  row: number;
  item: number;
}

/**
 * The record of every licence change applied (docs/contracts/csv.md §6), kept in Redis without a
 * TTL, next to the customers ledger, per cloud: a HASH by import, row and item (a resumed or
 * retried row finds what it applied), and a HASH by file content, row and item (an import of the
 * same bytes finds what an earlier one applied). The first record of an item wins, so a replay
 * never rewrites it.
 */
export interface AppliedChangeLedger {
  record(change: AppliedChange): Promise<void>;
  /** What this import applied for the item, if anything. */
  findInImport(cloud: CloudName, importId: string, at: ItemOfRow): Promise<AppliedChange | undefined>;
  /** The latest change an import of these bytes applied for the item, if any. */
  findForFile(cloud: CloudName, contentHash: string, at: ItemOfRow): Promise<AppliedChange | undefined>;
}

export function createAppliedChangeLedger(redis: RedisConnection, prefix: string): AppliedChangeLedger {
  const byImport = (cloud: string) => `${prefix}:applied:${cloud}`;
  const byFile = (cloud: string) => `${prefix}:applied-by-file:${cloud}`;
  const parse = (raw: string | null) => (raw === null ? undefined : (JSON.parse(raw) as AppliedChange));

  return {
    async record(change) {
      const json = JSON.stringify(change);
      const multi = redis.multi().hsetnx(byImport(change.cloud), `${change.importId}:${change.row}:${change.item}`, json);
      // The latest import of the bytes is the one a note names.
      if (change.contentHash) multi.hset(byFile(change.cloud), `${change.contentHash}:${change.row}:${change.item}`, json);
      await multi.exec();
    },

    async findInImport(cloud, importId, at) {
      return parse(await redis.hget(byImport(cloud), `${importId}:${at.row}:${at.item}`));
    },

    async findForFile(cloud, contentHash, at) {
      return parse(await redis.hget(byFile(cloud), `${contentHash}:${at.row}:${at.item}`));
    },
  };
}
