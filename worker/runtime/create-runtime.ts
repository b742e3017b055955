import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { HealthReport } from '../api/api-deps.ts';
import type { Config } from '../config.ts';
import { createImportEventBus } from '../store/events/import-event-bus.ts';
import { createImportService } from '../imports/create-import-service.ts';
import type { ImportService } from '../imports/import-service.ts';
import { createImportStore } from '../store/create-import-store.ts';
import { createLogger } from '../logging/create-logger.ts';
import { selectPartnerCenter, type PartnerCenterSelection } from '../partner-center/select-partner-center.ts';
import type { RowJobData } from '../processor/process-row.ts';
import { createRowQueue } from '../queue/row-queue.ts';
import { startWorker, type RowWorker } from '../queue/start-worker.ts';
import { join } from 'node:path';
import { connectRedis, redactUrl, type RedisHandle } from '../redis/connect-redis.ts';
import { createPasswordVault } from '../secrets/password-vault.ts';

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
  partnerCenter?: PartnerCenterSelection;
}

/** Everything a process of pc-onboard needs, wired from the configuration. */
export interface Runtime {
  config: Readonly<Config>;
  logger: Logger;
  service: ImportService;
  /** The row queue (for Bull Board). */
  queue: Queue<RowJobData>;
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
  const redis = await connectRedis(config, {
    onConnectionError: (error) => logger.warn({ error: error.message }, 'lost the connection to Redis; reconnecting'),
  });
  const closers: (() => Promise<void>)[] = [() => redis.close()];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch((error: Error) => logger.error({ error: error.message }, 'close failed'));
  };
  try {
    if (redis.embeddedPid) logger.debug({ redisUrl: redis.url }, 'started an embedded Redis with AOF persistence in the data directory');
    const partnerCenter: PartnerCenterSelection = options.partnerCenter ?? (await selectPartnerCenter(config));
    closers.push(() => partnerCenter.close());
    const store = createImportStore(redis.redis, config.keyPrefix, { retentionMs: config.importTtlMs });
    const vault = createPasswordVault({ redis: redis.redis, keyPrefix: config.keyPrefix, key: config.secretKey, ttlMs: config.passwordTtlMs });
    const queue = createRowQueue({ connection: redis.redis, keyPrefix: config.keyPrefix, maxAttempts: config.maxAttempts });
    closers.push(() => queue.close());
    const events = createImportEventBus(() => redis.duplicate(), config.keyPrefix);
    closers.push(() => events.close());
    const service = createImportService({ store, queue, vault, events, ...(partnerCenter.mode === 'real' ? { servedCloud: config.cloud } : {}) });
    const worker = options.worker
      ? startWorker({
          connection: redis.redis,
          keyPrefix: config.keyPrefix,
          store,
          vault,
          partnerCenter: partnerCenter.port,
          logger,
          concurrency: options.concurrency ?? config.concurrency,
          rateLimitPerMinute: config.rateLimitPerMinute,
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
      partnerCenterMode: partnerCenter.mode,
      // Said in words on the banner (not only in a log line): where the imports are kept now.
      banner: redis.embeddedPid
        ? `${partnerCenter.banner}\nNo Redis answered at ${redactUrl(config.redisUrl)}: started one on ${redis.url} (data in ${join(config.dataDir, 'redis')}), stopped on exit.`
        : partnerCenter.banner,
      ...(partnerCenter.sandboxUrl ? { sandboxUrl: partnerCenter.sandboxUrl } : {}),
      redisUrl: redis.url,
      ...(worker ? { worker } : {}),
      checkHealth: () => checkHealth(redis, partnerCenter.mode),
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function checkHealth(redis: RedisHandle, mode: 'sandbox' | 'real'): Promise<HealthReport> {
  const pong = await Promise.race([
    redis.redis.ping().catch(() => 'down'),
    new Promise<string>((resolve) => setTimeout(() => resolve('down'), 2000).unref()),
  ]);
  return { redis: pong === 'PONG' ? 'up' : 'down', partnerCenter: mode };
}
