import { Cluster, type Redis } from 'ioredis';

/**
 * A connection to one Redis server or to a Redis Cluster (`REDIS_CLUSTER_NODES`): every key
 * pc-onboard writes starts with the key prefix, which carries a hash tag in a cluster, so the
 * multi-key scripts and transactions stay within one slot either way.
 */
export type RedisConnection = Redis | Cluster;

/** A new connection of the same kind to the same server or cluster (subscribers and blocking calls need their own). */
export function duplicate(connection: RedisConnection): RedisConnection {
  return connection instanceof Cluster ? connection.duplicate() : connection.duplicate();
}
