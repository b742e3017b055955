import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** Where tests find Redis: `REDIS_URL`, else the local default (shared; each test uses its own key prefix). */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Test helper in the manner of graphile's `withPgClient`: a connection plus a unique
 * `test-<uuid>` key prefix; every key under the prefix is deleted afterwards.
 */
export async function withRedis<T>(fn: (redis: Redis, prefix: string) => Promise<T>): Promise<T> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const prefix = `test-${randomUUID()}`;
  try {
    return await fn(redis, prefix);
  } finally {
    await deleteKeys(redis, `${prefix}*`);
    await redis.quit();
  }
}

/** Deletes every key that matches `pattern` (SCAN, so it is safe on a shared server). */
export async function deleteKeys(redis: Redis, pattern: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}

/** Every key that matches `pattern`. */
export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found;
}
