import type { Redis } from 'ioredis';
import { scanKeys } from '../../support/redis/with-redis.ts';

/**
 * Every key under `prefix` with its whole value, as one text to search: strings, hashes, lists,
 * sets, sorted sets and streams (BullMQ job hashes hold job data and return values).
 */
export async function dumpRedis(redis: Redis, prefix: string): Promise<{ keys: string[]; text: string }> {
  const keys = await scanKeys(redis, `${prefix}*`);
  const parts: string[] = [];
  for (const key of keys) {
    const type = await redis.type(key);
    let value: unknown;
    if (type === 'string') value = await redis.getBuffer(key).then((buffer) => buffer?.toString('latin1'));
    else if (type === 'hash') value = await redis.hgetall(key);
    else if (type === 'list') value = await redis.lrange(key, 0, -1);
    else if (type === 'set') value = await redis.smembers(key);
    else if (type === 'zset') value = await redis.zrange(key, '0', '-1', 'WITHSCORES');
    else if (type === 'stream') value = await redis.xrange(key, '-', '+');
    parts.push(`${key} ${type} ${JSON.stringify(value)}`);
  }
  return { keys, text: parts.join('\n') };
}
