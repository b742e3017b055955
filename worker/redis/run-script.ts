import { createHash } from 'node:crypto';
import type { RedisConnection } from './redis-connection.ts';

/**
 * Runs a Lua script by its SHA1 (EVALSHA), loading it on the first NOSCRIPT: the script text
 * crosses the network once per server instead of once per row.
 */
export function createScriptRunner(redis: RedisConnection) {
  const shas = new Map<string, string>();
  return async function runScript(script: string, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    let sha = shas.get(script);
    if (!sha) {
      sha = createHash('sha1').update(script).digest('hex');
      shas.set(script, sha);
    }
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(script, keys.length, ...keys, ...args);
    }
  };
}
