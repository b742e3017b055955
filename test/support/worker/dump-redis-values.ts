import type { Redis } from 'ioredis';
import { scanKeys } from '../redis/with-redis.ts';

/** Every value stored under a key prefix, as text, except the keys `skip` accepts (test helper for secret searches). */
export async function dumpRedisValues(redis: Redis, prefix: string, skip: (key: string) => boolean): Promise<string[]> {
  const values: string[] = [];
  for (const key of await scanKeys(redis, `${prefix}*`)) {
    if (skip(key)) continue;
    const type = await redis.type(key);
    if (type === 'string') values.push((await redis.get(key)) ?? '');
    else if (type === 'hash') values.push(JSON.stringify(await redis.hgetall(key)));
    else if (type === 'list') values.push((await redis.lrange(key, 0, -1)).join('\n'));
    else if (type === 'set') values.push((await redis.smembers(key)).join('\n'));
    else if (type === 'zset') values.push((await redis.zrange(key, '0', '-1')).join('\n'));
    else if (type === 'stream') values.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    values.push(key);
  }
  return values;
}
