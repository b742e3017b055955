import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.ts';
import { connectRedisCluster } from './connect-redis-cluster.ts';
import { createFailFastConnections, FAIL_FAST_OPTIONS, quitOrDisconnect } from './fail-fast-connections.ts';
import { reportErrorsOnce } from './report-errors-once.ts';
import type { RedisConnection } from './redis-connection.ts';

const SECOND = 1000;
const EMBEDDED_FIRST_PORT = 6390;

/** A Redis connection for the worker, and the embedded server when one had to be started. */
export interface RedisHandle {
  /** ioredis (a `Cluster` with `REDIS_CLUSTER_NODES`) with `maxRetriesPerRequest: null`, as BullMQ workers require. */
  redis: RedisConnection;
  /** The URL actually used (differs from the configured one when Redis was embedded). */
  url: string;
  /** Set when this process started `redis-server`; it stops with `close()`. */
  embeddedPid?: number;
  /** A new connection to the same server (subscribers need their own). */
  duplicate(): RedisConnection;
  /**
   * A connection for request handlers (the API): no offline queue and no retries, so while Redis
   * is away a command fails at once instead of waiting, and nothing a gone client asked for runs
   * later when Redis is back. Resolves once it is connected.
   */
  failFast(): Promise<RedisConnection>;
  close(): Promise<void>;
}

export interface ConnectRedisOptions {
  /**
   * Told once when a connection of this handle (or a duplicate) loses Redis; ioredis reconnects
   * by itself. Without it ioredis prints "Unhandled error event" on every attempt.
   */
  onConnectionError?: (error: Error) => void;
  /**
   * False: use a running Redis (the configured one or the embedded one of this data directory)
   * but start none; throws `RedisUnavailableError` instead (CLI commands that have a file fallback).
   * @default true
   */
  startEmbedded?: boolean;
  /** Told when a connection of this handle is ready again after an error (the outage ended). */
  onReady?: () => void;
}

/**
 * Connects to the Redis Cluster of `config.redisClusterNodes` when set, else to `config.redisUrl`. If nothing answers on a loopback address, uses the embedded
 * Redis another pc-onboard process of the same data directory started (its port is in
 * `<dataDir>/redis/port`), or, when `redis-server` is on PATH, starts one with AOF persistence in
 * `<dataDir>/redis` on a free port from 6390 and stops it on `close()`. Otherwise throws a
 * `RedisUnavailableError` that says how to get Redis.
 */
export async function connectRedis(config: Pick<Config, 'redisUrl' | 'dataDir' | 'redisClusterNodes'>, options: ConnectRedisOptions = {}): Promise<RedisHandle> {
  if (config.redisClusterNodes) return connectRedisCluster(config.redisClusterNodes, options);
  const createHandle = (url: string, child?: ChildProcess, detach?: () => void) => createRedisHandle(url, options, child, detach);
  if (await canPing(config.redisUrl)) return createHandle(config.redisUrl);
  if (!isLoopback(config.redisUrl)) {
    // A configured remote Redis that is down must not be replaced by a local one: state would split.
    throw new RedisUnavailableError(`No Redis answers at ${redactUrl(config.redisUrl)}; check that it runs and that REDIS_URL (host, port, password) is right.`);
  }
  if (!hasRedisServer()) {
    throw new RedisUnavailableError(
      `No Redis answers at ${redactUrl(config.redisUrl)} and redis-server is not installed. ` +
        'Install Redis (e.g. `apt-get install redis-server` or `brew install redis`), run one with ' +
        '`docker run -p 6379:6379 redis:7`, or set REDIS_URL to a reachable Redis.',
    );
  }
  const dir = join(config.dataDir, 'redis');
  const portFile = join(dir, 'port');
  // `serve` may already run an embedded Redis for this data directory: share it, don't own it.
  const running = readRunningPort(portFile);
  if (running && (await canPing(`redis://127.0.0.1:${running}`))) return createHandle(`redis://127.0.0.1:${running}`);
  if (options.startEmbedded === false) throw new RedisUnavailableError(`No Redis answers at ${redactUrl(config.redisUrl)}.`);
  const port = await findFreePort(EMBEDDED_FIRST_PORT);
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--dir', dir, '--save', ''],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const started = await waitForPing(url, child, 10 * SECOND);
  if (!started) {
    child.kill('SIGTERM');
    throw new RedisUnavailableError(`Started redis-server on port ${port} but it did not answer within 10 s; check ${dir}.`);
  }
  writeFileSync(portFile, `${port}\n`);
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  return createHandle(url, child, () => {
    process.removeListener('exit', stop);
    rmSync(portFile, { force: true });
  });
}

function readRunningPort(portFile: string): number | undefined {
  if (!existsSync(portFile)) return undefined;
  const port = Number.parseInt(readFileSync(portFile, 'utf8'), 10);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}

function createRedisHandle(url: string, options: ConnectRedisOptions, child?: ChildProcess, detach?: () => void): RedisHandle {
  const redis = reportErrorsOnce(new Redis(url, { maxRetriesPerRequest: null }), options);
  // A hung Redis is an outage too: fail-fast commands time out.
  const failFast = createFailFastConnections(() => new Redis(url, { ...FAIL_FAST_OPTIONS, enableOfflineQueue: false, lazyConnect: true }), options);
  return {
    redis,
    url,
    embeddedPid: child?.pid,
    duplicate: () => reportErrorsOnce(redis.duplicate(), options),
    failFast: () => failFast.open(),
    async close() {
      failFast.closeAll();
      await quitOrDisconnect(redis);
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        // SIGTERM makes redis-server flush its AOF and exit cleanly.
        child.kill('SIGTERM');
        await exited;
      }
      detach?.();
    },
  };
}


async function canPing(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2 * SECOND });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

async function waitForPing(url: string, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await canPing(url)) return true;
    await new Promise((done) => setTimeout(done, 100));
  }
  return false;
}

function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function findFreePort(first: number): Promise<number> {
  for (let port = first; port < first + 100; port++) {
    const free = await new Promise<boolean>((done) => {
      const server = createServer();
      server.once('error', () => done(false));
      server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
    });
    if (free) return port;
  }
  throw new RedisUnavailableError(`No free port for an embedded Redis between ${first} and ${first + 99}; set REDIS_URL.`);
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || host === '::1' || host.startsWith('127.');
}

/** Hides a password in a Redis URL before it goes into a message. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}
