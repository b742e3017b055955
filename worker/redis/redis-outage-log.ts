import type { Logger } from 'pino';
import { redactUrl } from './connect-redis.ts';

/**
 * One log line when Redis becomes unreachable and one when it answers again, however many
 * connections (queue, worker, subscribers, API) notice it and however often they retry.
 */
export interface RedisOutageLog {
  /** A connection lost Redis or could not reach it; only the first report of an outage is logged. */
  reportDown(error: Error): void;
  /** A connection is ready again: ends the outage (logged once). */
  reportUp(): void;
  /** True between the first `reportDown` and the next `reportUp`. */
  readonly isDown: boolean;
}

export function createRedisOutageLog(logger: Pick<Logger, 'warn' | 'info'>, redisUrl: string, now: () => number = Date.now): RedisOutageLog {
  let downSince: number | undefined;
  return {
    reportDown(error) {
      if (downSince !== undefined) return;
      downSince = now();
      const code = (error as NodeJS.ErrnoException).code;
      logger.warn(
        { redisUrl: redactUrl(redisUrl), error: code ?? error.message },
        'Redis is unreachable: rows wait and resume when it is back; the API answers 503 until then',
      );
    },
    reportUp() {
      if (downSince === undefined) return;
      const seconds = Math.round((now() - downSince) / 100) / 10;
      downSince = undefined;
      logger.info({ redisUrl: redactUrl(redisUrl), downSeconds: seconds }, `Redis is reachable again after ${seconds} s`);
    },
    get isDown() {
      return downSince !== undefined;
    },
  };
}
