import { Cluster } from 'ioredis';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.ts';
import type { ConnectRedisOptions, RedisHandle } from './connect-redis.ts';
import { createFailFastConnections, FAIL_FAST_OPTIONS, quitOrDisconnect } from './fail-fast-connections.ts';
import { reportErrorsOnce } from './report-errors-once.ts';

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Connects to a Redis Cluster through its seed nodes (`REDIS_CLUSTER_NODES`, `host:port` each);
 * ioredis discovers the rest and follows MOVED/ASK. Throws a `RedisUnavailableError` when the
 * cluster is not ready within 10 s. Every key carries the prefix's hash tag (see `loadConfig`).
 */
export async function connectRedisCluster(nodes: readonly string[], options: ConnectRedisOptions = {}): Promise<RedisHandle> {
  const seeds = nodes.map((node) => {
    const at = node.lastIndexOf(':');
    return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
  });
  const url = `redis-cluster://${nodes.join(',')}`;
  const cluster = reportErrorsOnce(new Cluster(seeds, { redisOptions: { maxRetriesPerRequest: null } }), options);
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), CONNECT_TIMEOUT_MS);
    cluster.once('ready', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  if (!ready) {
    cluster.disconnect();
    throw new RedisUnavailableError(`The Redis Cluster at ${nodes.join(', ')} was not ready within 10 s; check that its nodes run and that REDIS_CLUSTER_NODES lists them (host:port, comma-separated).`);
  }
  const failFast = createFailFastConnections(() => new Cluster(seeds, { enableOfflineQueue: false, lazyConnect: true, redisOptions: FAIL_FAST_OPTIONS }), options);
  return {
    redis: cluster,
    url,
    duplicate: () => reportErrorsOnce(cluster.duplicate(), options),
    failFast: () => failFast.open(),
    async close() {
      failFast.closeAll();
      await quitOrDisconnect(cluster);
    },
  };
}
