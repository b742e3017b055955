import type { RedisConnection } from '../redis/redis-connection.ts';
import { importKeys } from './import-keys.ts';
import { EXPIRE_IF_SETTLED } from './lua-scripts.ts';
import { createScriptRunner } from '../redis/run-script.ts';

const DAY = 24 * 60 * 60 * 1000;

/** How long a settled import is kept when nothing else is configured (`PC_ONBOARD_IMPORT_TTL_DAYS`). */
export const DEFAULT_IMPORT_RETENTION_MS = 30 * DAY;

/**
 * Imports are not kept forever: once settled (drained or cancelled) every key of an import gets
 * a TTL; a retry that re-queues rows takes it off again until the import settles anew. The
 * sealed admin passwords keep their own, shorter TTL (password-vault.ts).
 */
export interface ImportRetention {
  /** Sets the TTL on every key of the import if it is settled; true when it did. */
  expireIfSettled(importId: string): Promise<boolean>;
  /** Removes the TTL (the import is about to run again). */
  keep(importId: string): Promise<void>;
}

export function createImportRetention(redis: RedisConnection, prefix: string, retentionMs: number): ImportRetention {
  const runScript = createScriptRunner(redis);
  return {
    async expireIfSettled(importId) {
      return (await runScript(EXPIRE_IF_SETTLED, allImportKeys(prefix, importId), [retentionMs])) === 1;
    },
    async keep(importId) {
      const pipeline = redis.pipeline();
      for (const key of allImportKeys(prefix, importId)) pipeline.persist(key);
      await pipeline.exec();
    },
  };
}

/** Every key that holds an import's data, meta first (not the pub/sub channel, not the secrets). */
export function allImportKeys(prefix: string, importId: string): string[] {
  const keys = importKeys(prefix, importId);
  return [keys.meta, keys.rows, keys.cells, keys.records, keys.eventLog, ...Object.values(keys.byStatus)];
}
