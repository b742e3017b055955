import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const LOCK_MS = 30_000;
const WAIT_STEP_MS = 50;

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Runs `work` while holding a Redis lock (SET NX PX), so only one worker at a time refreshes a
 * shared sign-in: a refresh token is good for one refresh, and two workers redeeming the same one
 * would leave one of them with `invalid_grant`. Without Redis (a lone CLI), just runs it.
 */
export async function withRefreshLock<T>(redis: Redis | undefined, key: string, work: () => Promise<T>): Promise<T> {
  if (!redis) return work();
  const owner = randomUUID();
  const giveUpAt = Date.now() + LOCK_MS;
  while ((await redis.set(key, owner, 'PX', LOCK_MS, 'NX')) !== 'OK') {
    // A holder that died lets the lock expire; nobody waits longer than its lifetime.
    if (Date.now() > giveUpAt) break;
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
  try {
    return await work();
  } finally {
    await redis.eval(RELEASE, 1, key, owner).catch(() => undefined);
  }
}
