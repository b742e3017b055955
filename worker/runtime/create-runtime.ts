import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { HealthReport } from '../api/api-deps.ts';
import type { Config } from '../config.ts';
import { createImportEventBus } from '../store/events/import-event-bus.ts';
import { createImportService } from '../imports/create-import-service.ts';
import type { ImportService } from '../imports/import-service.ts';
import { createImportStore } from '../store/create-import-store.ts';
import { createLogger } from '../logging/create-logger.ts';
import { createPartnerCenterClient } from '../../shared/partner-center/create-partner-center-client.ts';
import { selectPartnerCenter, type PartnerCenterSelection } from '../partner-center/select-partner-center.ts';
import type { SignInDeps } from '../partner-center/connect-signed-in.ts';
import { describeSignIn } from '../auth/describe-sign-in.ts';
import { withSignInNotice } from '../imports/with-sign-in-notice.ts';
import type { RowJobData } from '../processor/process-row.ts';
import { createRowQueue } from '../queue/row-queue.ts';
import { createRequestPacer } from '../queue/request-pacer.ts';
import { startWorker, type RowWorker } from '../queue/start-worker.ts';
import { join } from 'node:path';
import { connectRedis, redactUrl, type RedisHandle } from '../redis/connect-redis.ts';
import { createPasswordVault } from '../secrets/password-vault.ts';
import { createLedger, type Ledger } from '../ledger/create-ledger.ts';
import { createTokenRegistry, type TokenRegistry } from '../auth/create-token-registry.ts';
import { isRedisConnectionError } from '../redis/is-redis-connection-error.ts';
import { createRedisOutageLog } from '../redis/redis-outage-log.ts';

/** How long each part may take to close while Redis is unreachable (it cannot say goodbye to Redis). */
const CLOSE_DURING_OUTAGE_MS = 2000;

export interface CreateRuntimeOptions {
  /** Start a BullMQ worker in this process (`serve`, `worker`, `import`); false for API-only or status commands. */
  worker: boolean;
  /** Overrides `config.concurrency` for this process's worker. */
  concurrency?: number;
  /** Defaults to a pino logger on stderr at `config.logLevel`. */
  logger?: Logger;
  /**
   * Overrides `selectPartnerCenter(config)`, e.g. `useRunningSandbox(…)` for a shared sandbox.
   * The runtime closes it.
   */
  partnerCenter?: PartnerCenterSelection | ((signIn: SignInDeps) => PartnerCenterSelection);
}

/** What the HTTP API uses, on its own connection that fails fast while Redis is away. */
export interface ApiService {
  service: ImportService;
  reachable(): boolean;
  tokens: TokenRegistry;
  ledger: Ledger;
}

/** Everything a process of pc-onboard needs, wired from the configuration. */
export interface Runtime {
  config: Readonly<Config>;
  logger: Logger;
  service: ImportService;
  /** The row queue (for Bull Board). */
  queue: Queue<RowJobData>;
  /** Every customer the tool created (no TTL). */
  ledger: Ledger;
  /** The API tokens per person (hashed). */
  tokens: TokenRegistry;
  /** `sandbox` when no Partner Center credentials are configured. */
  partnerCenterMode: 'sandbox' | 'real';
  /** One line for the operator: which Partner Center is used (the sandbox says nothing real is created). */
  banner: string;
  /** The in-process sandbox's URL, when the sandbox is used. */
  sandboxUrl?: string;
  /** The Redis URL actually used (an embedded one when nothing answered at `REDIS_URL`). */
  redisUrl: string;
  /** Set when `options.worker` was true. */
  worker?: RowWorker;
  checkHealth(): Promise<HealthReport>;
  /**
   * An import service for the HTTP API on a fail-fast Redis connection: while Redis is away its
   * calls fail at once (→ 503) and nothing is queued to run later. `reachable()` says whether that
   * connection is up now. The worker and the CLI keep the patient connection that rides out an outage.
   */
  openApiService(): Promise<ApiService>;
  /** Stops the worker (running rows finish), then the queue, subscriptions, Redis and the sandbox. */
  close(): Promise<void>;
}

/**
 * Wires config → logger → Redis (embedded if needed) → Partner Center (real or sandbox) →
 * queue → import service → worker. Used by the `serve`, `worker` and `import` commands.
 *
 * @example
 * const runtime = await createRuntime(loadConfig(), { worker: true });
 * console.error(runtime.banner);
 * const summary = await runtime.service.createImport({ source, dryRun: false, cloud: runtime.config.cloud });
 * await runtime.close();
 */
export async function createRuntime(config: Readonly<Config>, options: CreateRuntimeOptions): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config);
  const outage = createRedisOutageLog(logger, config.redisUrl);
  const redis = await connectRedis(config, {
    onConnectionError: (error) => outage.reportDown(error),
    onReady: () => outage.reportUp(),
  });
  const onQueueError = (error: Error) => (isRedisConnectionError(error) ? outage.reportDown(error) : logger.error({ error: error.message }, 'queue error'));
  const closers: (() => Promise<void>)[] = [() => redis.close()];
  const closeAll = async () => {
    for (const close of closers.reverse()) {
      // While Redis is away a graceful close (QUIT, the worker's last calls) would wait for it forever.
      const closing = close().catch((error: Error) => logger.error({ error: error.message }, 'close failed'));
      await (outage.isDown ? Promise.race([closing, new Promise((resolve) => setTimeout(resolve, CLOSE_DURING_OUTAGE_MS).unref())]) : closing);
    }
  };
  try {
    if (redis.embeddedPid) logger.debug({ redisUrl: redis.url }, 'started an embedded Redis with AOF persistence in the data directory');
    const signIn: SignInDeps = { dataDir: config.dataDir, redis: redis.redis, keyPrefix: config.keyPrefix, secretKey: config.secretKey, logger };
    const partnerCenter: PartnerCenterSelection =
      typeof options.partnerCenter === 'function' ? options.partnerCenter(signIn) : (options.partnerCenter ?? (await selectPartnerCenter(config, signIn)));
    // Summaries say "Sign in again: pc-onboard login" while the rows wait for a new sign-in.
    const noticed = (imports: ImportService) => (partnerCenter.signIn ? withSignInNotice(imports, partnerCenter.signIn.store) : imports);
    closers.push(() => partnerCenter.close());
    const ledger = createLedger(redis.redis, config.keyPrefix);
    const store = createImportStore(redis.redis, config.keyPrefix, { retentionMs: config.importTtlMs });
    const vault = createPasswordVault({ redis: redis.redis, keyPrefix: config.keyPrefix, key: config.secretKey, ttlMs: config.passwordTtlMs });
    const queue = createRowQueue({ connection: redis.redis, keyPrefix: config.keyPrefix, maxAttempts: config.maxAttempts });
    queue.on('error', onQueueError);
    closers.push(() => queue.close());
    const events = createImportEventBus(() => redis.duplicate(), config.keyPrefix);
    closers.push(() => events.close());
    const service = noticed(createImportService({ store, queue, vault, events, ...(partnerCenter.mode === 'real' ? { servedCloud: config.cloud } : {}) }));
    // Every request of every worker on this Redis waits for the one shared budget.
    const pace = createRequestPacer({ redis: redis.redis, keyPrefix: config.keyPrefix, budget: config.rateLimitPerMinute, windowMs: config.rateLimitWindowMs });
    const worker = options.worker
      ? startWorker({
          connection: redis.redis,
          duplicateConnection: () => redis.duplicate(),
          onRedisDown: (error) => outage.reportDown(error),
          keyPrefix: config.keyPrefix,
          store,
          vault,
          partnerCenter: createPartnerCenterClient({ ...partnerCenter.clientOptions, pace }),
          logger,
          ledger,
          queue,
          concurrency: options.concurrency ?? config.concurrency,
          lockDurationMs: config.lockDurationMs,
          // A dead worker's locks are looked for twice per lock period.
          stalledIntervalMs: config.lockDurationMs / 2,
        })
      : undefined;
    if (worker) closers.push(() => worker.close());
    return {
      config,
      logger,
      service,
      queue,
      ledger,
      tokens: createTokenRegistry(redis.redis, config.keyPrefix),
      partnerCenterMode: partnerCenter.mode,
      // Said in words on the banner (not only in a log line): where the imports are kept now.
      banner: redis.embeddedPid
        ? `${partnerCenter.banner}\nNo Redis answered at ${redactUrl(config.redisUrl)}: started one on ${redis.url} (data in ${join(config.dataDir, 'redis')}), stopped on exit.`
        : partnerCenter.banner,
      ...(partnerCenter.sandboxUrl ? { sandboxUrl: partnerCenter.sandboxUrl } : {}),
      redisUrl: redis.url,
      ...(worker ? { worker } : {}),
      checkHealth: () => checkHealth(redis, partnerCenter),
      async openApiService() {
        const connection = await redis.failFast();
        const apiQueue = createRowQueue({ connection, keyPrefix: config.keyPrefix, maxAttempts: config.maxAttempts });
        apiQueue.on('error', onQueueError);
        closers.push(() => apiQueue.close());
        const apiService = noticed(createImportService({
          store: createImportStore(connection, config.keyPrefix, { retentionMs: config.importTtlMs }),
          queue: apiQueue,
          vault: createPasswordVault({ redis: connection, keyPrefix: config.keyPrefix, key: config.secretKey, ttlMs: config.passwordTtlMs }),
          events,
          ...(partnerCenter.mode === 'real' ? { servedCloud: config.cloud } : {}),
        }));
        return {
          service: apiService,
          reachable: () => connection.status === 'ready',
          tokens: createTokenRegistry(connection, config.keyPrefix),
          ledger: createLedger(connection, config.keyPrefix),
        };
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

const REDIS_LOST = new Set(['reconnecting', 'close', 'end']);

async function checkHealth(redis: RedisHandle, partnerCenter: PartnerCenterSelection): Promise<HealthReport> {
  const mode = partnerCenter.mode;
  // While the connection is reconnecting (or gone) a PING would only wait: say "down" at once.
  // A connection still starting ('wait', 'connecting', 'connect') gets its PING, bounded below.
  if (REDIS_LOST.has(redis.redis.status)) return { redis: 'down', partnerCenter: mode };
  const pong = await Promise.race([
    redis.redis.ping().catch(() => 'down'),
    new Promise<string>((resolve) => setTimeout(() => resolve('down'), 900).unref()),
  ]);
  const report: HealthReport = { redis: pong === 'PONG' ? 'up' : 'down', partnerCenter: mode };
  if (report.redis === 'up' && partnerCenter.signIn) {
    // Bounded like the PING: Redis may go away between the two, and /health must answer anyway.
    const status = await Promise.race([
      describeSignIn(partnerCenter.signIn.target, partnerCenter.signIn.store).catch(() => undefined),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 900).unref()),
    ]);
    if (status) {
      report.signIn = {
        state: status.state,
        message: status.message,
        ...(status.user ? { user: status.user } : {}),
        ...(status.daysLeft === undefined ? {} : { daysLeft: status.daysLeft }),
      };
    }
  }
  return report;
}
