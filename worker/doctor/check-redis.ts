import type { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { redactUrl } from '../redis/connect-redis.ts';
import type { DoctorCheck } from './doctor-check.ts';

/** Redis answers, and keeps its data over a restart (AOF or RDB snapshots): imports live there. */
export async function checkRedis(config: Pick<Config, 'redisUrl'>, redis: Redis | undefined, url: string | undefined): Promise<DoctorCheck> {
  const name = 'Redis reachable and persistent';
  if (!redis || !url) {
    return {
      name,
      ok: false,
      detail: `no Redis answers at ${redactUrl(config.redisUrl)}`,
      fix: 'start Redis (redis-server, or `docker run -p 6379:6379 redis:7`); `npm start` starts one by itself when redis-server is installed. Or set REDIS_URL to a reachable Redis.',
    };
  }
  let appendonly: string | undefined;
  let save: string | undefined;
  try {
    appendonly = ((await redis.config('GET', 'appendonly')) as string[])[1];
    save = ((await redis.config('GET', 'save')) as string[])[1];
  } catch {
    // Managed Redis often disables CONFIG: persistence is then the provider's setting.
    return { name, ok: true, detail: `reachable at ${redactUrl(url)}; persistence not visible (CONFIG is disabled): make sure the provider keeps the data` };
  }
  if (appendonly === 'yes') return { name, ok: true, detail: `reachable at ${redactUrl(url)}, persistent (AOF)` };
  if (save) return { name, ok: true, detail: `reachable at ${redactUrl(url)}, persistent (RDB snapshots "${save}"; AOF loses less)` };
  return {
    name,
    ok: false,
    detail: `reachable at ${redactUrl(url)}, but it keeps nothing over a restart (no AOF, no snapshots): queued rows and results would be lost`,
    fix: 'turn on AOF: `redis-cli CONFIG SET appendonly yes` and `appendonly yes` in redis.conf (the Redis that `npm start` starts has it on).',
  };
}
