import type { HealthReport } from '../api/api-deps.ts';
import type { Config } from '../config.ts';
import { createImportEventBus } from '../imports/events/import-event-bus.ts';
import { createImportService } from '../imports/create-import-service.ts';
import { createImportStore } from '../imports/store/create-import-store.ts';
import { createLogger } from '../logging/create-logger.ts';
import { adaptPartnerCenterClient } from '../partner-center/adapt-partner-center-client.ts';
import { createRowQueue } from '../queue/row-queue.ts';
import { startWorker } from '../queue/start-worker.ts';
import { connectRedis } from '../redis/connect-redis.ts';
import type { Runtime } from '../runtime/create-runtime.ts';
import { createPasswordVault } from '../secrets/password-vault.ts';
import { createPartnerCenterClient } from '../../shared/partner-center/create-partner-center-client.ts';
import { resolveCloud } from '../../shared/partner-center/clouds.ts';
import type { OpenCliRuntimeOptions } from './cli-runtime.ts';

/**
 * The runtime of `createRuntime`, wired to an already running sandbox instead of a private one.
 * TODO [2026-12-31]: fold into worker/runtime/create-runtime.ts once it accepts a Partner Center
 * selection (owned by engineer D); this copy exists only because that file takes none yet.
 */
export async function createRuntimeOnSandbox(
  config: Readonly<Config>,
  options: OpenCliRuntimeOptions,
  sandbox: { url: string; token: string },
): Promise<Runtime> {
  const logger = createLogger(config);
  const redis = await connectRedis(config);
  const closers: (() => Promise<void>)[] = [() => redis.close()];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch((error: Error) => logger.error({ error: error.message }, 'close failed'));
  };
  try {
    const client = createPartnerCenterClient({ cloud: resolveCloud(config.cloud), baseUrl: sandbox.url, getAccessToken: async () => sandbox.token });
    const store = createImportStore(redis.redis, config.keyPrefix);
    const vault = createPasswordVault({ redis: redis.redis, keyPrefix: config.keyPrefix, key: config.secretKey, ttlMs: config.passwordTtlMs });
    const queue = createRowQueue({ connection: redis.redis, keyPrefix: config.keyPrefix, maxAttempts: config.maxAttempts });
    closers.push(() => queue.close());
    const events = createImportEventBus(() => redis.duplicate(), config.keyPrefix);
    closers.push(() => events.close());
    const service = createImportService({ store, queue, vault, events });
    const worker = options.worker
      ? startWorker({
          connection: redis.redis,
          keyPrefix: config.keyPrefix,
          store,
          vault,
          partnerCenter: adaptPartnerCenterClient(client),
          logger,
          concurrency: options.concurrency ?? config.concurrency,
          rateLimitPerMinute: config.rateLimitPerMinute,
        })
      : undefined;
    if (worker) closers.push(() => worker.close());
    return {
      config,
      logger,
      service,
      queue,
      partnerCenterMode: 'sandbox',
      banner: `Partner Center: the sandbox at ${sandbox.url} (PC_ONBOARD_SANDBOX_URL); no real customers are created.`,
      sandboxUrl: sandbox.url,
      redisUrl: redis.url,
      ...(worker ? { worker } : {}),
      async checkHealth(): Promise<HealthReport> {
        const pong = await redis.redis.ping().catch(() => 'down');
        return { redis: pong === 'PONG' ? 'up' : 'down', partnerCenter: 'sandbox' };
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
