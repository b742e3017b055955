import { createMiddleware } from 'hono/factory';
import { redisUnavailable } from '../problems/common-problems.ts';

/**
 * Answers 503 at once while Redis is unreachable, before a route starts work that would only fail
 * (or, on a patient connection, wait) — a client never hangs on an outage.
 */
export function requireRedis(reachable: (() => boolean) | undefined) {
  return createMiddleware(async (_c, next) => {
    if (reachable && !reachable()) throw redisUnavailable();
    await next();
  });
}
