import type { ConnectRedisOptions } from './connect-redis.ts';
import type { RedisConnection } from './redis-connection.ts';
import { reportErrorsOnce } from './report-errors-once.ts';

/** A command on a fail-fast connection that gets no answer within this time fails. */
const FAIL_FAST_COMMAND_TIMEOUT_MS = 900;

/** What makes a connection fail fast: no offline queue, no retries, nothing resent after a reconnect. */
export const FAIL_FAST_OPTIONS = { maxRetriesPerRequest: 0, commandTimeout: FAIL_FAST_COMMAND_TIMEOUT_MS, autoResendUnfulfilledCommands: false } as const;

/**
 * The fail-fast connections one handle hands out (see `RedisHandle.failFast`): each reports its
 * outages once, and all of them close with the handle.
 */
export function createFailFastConnections(open: () => RedisConnection, options: ConnectRedisOptions) {
  const connections: RedisConnection[] = [];
  return {
    async open(): Promise<RedisConnection> {
      const connection = reportErrorsOnce(open(), options);
      connections.push(connection);
      await connection.connect().catch(() => {
        // Redis went away since the handle's first connection: this one keeps reconnecting by itself.
      });
      return connection;
    },
    closeAll(): void {
      for (const connection of connections) connection.disconnect();
    },
  };
}

/** Closes a connection: QUIT when it is up, else disconnect (QUIT would wait for a reconnect that may never come). */
export async function quitOrDisconnect(connection: RedisConnection): Promise<void> {
  if (connection.status === 'ready') await connection.quit().catch(() => connection.disconnect());
  else connection.disconnect();
}
