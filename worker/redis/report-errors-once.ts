import type { Cluster, Redis } from 'ioredis';
import type { ConnectRedisOptions } from './connect-redis.ts';

/** Reports the first error of an outage (not every reconnect attempt), and the next `ready` after it. */
export function reportErrorsOnce<T extends Redis | Cluster>(connection: T, options: Pick<ConnectRedisOptions, 'onConnectionError' | 'onReady'>): T {
  let down = false;
  connection.on('error', (error: Error) => {
    if (down) return;
    down = true;
    options.onConnectionError?.(error);
  });
  connection.on('ready', () => {
    if (!down) return;
    down = false;
    options.onReady?.();
  });
  return connection;
}
