import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { startSandbox, type RunningSandbox } from '../../../sandbox/start-sandbox.ts';
import type { SandboxOptions } from '../../../sandbox/sandbox-options.ts';
import { createPartnerCenterClient, type PartnerCenterClient } from '../../../shared/partner-center/create-partner-center-client.ts';
import type { ImportSummary } from '../../../shared/imports/import-types.ts';
import type { CloudName } from '../../../shared/partner-center/clouds.ts';
import { createImportEventBus } from '../../../worker/store/events/import-event-bus.ts';
import { createImportService } from '../../../worker/imports/create-import-service.ts';
import type { ImportService } from '../../../worker/imports/import-service.ts';
import { csvSource } from './csv-source.ts';
import { createImportStore, type ImportStore } from '../../../worker/store/create-import-store.ts';
import { REDACTED_PATHS } from '../../../worker/logging/create-logger.ts';
import { createRequestPacer } from '../../../worker/queue/request-pacer.ts';
import { createRowQueue } from '../../../worker/queue/row-queue.ts';
import type { FeedWindowSize } from '../../../worker/queue/row-feeder.ts';
import { startWorker, type RowWorker, type StartWorkerOptions } from '../../../worker/queue/start-worker.ts';
import { deleteKeys, TEST_REDIS_URL } from '../redis/with-redis.ts';
import { createPasswordVault } from '../../../worker/secrets/password-vault.ts';
import { waitUntilSettled } from './wait-until-settled.ts';

export interface TestPipelineOptions {
  sandbox?: SandboxOptions;
  maxAttempts?: number;
  worker?: Partial<Pick<StartWorkerOptions, 'concurrency' | 'backoff' | 'lockDurationMs' | 'stalledIntervalMs'>>;
  /** The shared request budget per window (default: unpaced) and its window (default a minute). */
  budget?: { requests: number; windowMs?: number };
  /** The client's fetch (e.g. to count what the sandbox answered). */
  fetch?: typeof fetch;
  /** Wraps the client (e.g. to crash a step once). */
  wrapClient?: (client: PartnerCenterClient) => PartnerCenterClient;
  /** Start without a worker (call `startRowWorker` later). */
  noWorker?: boolean;
  /** TTL of a settled import's keys (default: the store's 30 days). */
  retentionMs?: number;
  /** The window of jobs queued per import, for the service and every worker (default: production's). */
  feedWindow?: FeedWindowSize;
  /** Where every connection of the pipeline goes (default the test Redis), e.g. a proxy in front of it. */
  redisUrl?: string;
}

/**
 * The whole pipeline for a test: the sandbox on a free port, real Redis under a `test-<uuid>`
 * prefix, the import service and a worker, with every log line captured. `close()` removes
 * every key of the prefix.
 */
export async function startTestPipeline(options: TestPipelineOptions = {}) {
  const prefix = `test-${randomUUID()}`;
  const redis = new Redis(options.redisUrl ?? TEST_REDIS_URL, { maxRetriesPerRequest: null });
  // A proxy may cut connections on purpose: ioredis reconnects, the drop is no unhandled error.
  if (options.redisUrl) redis.on('error', () => undefined);
  const token = `test-${randomUUID()}`;
  const sandbox: RunningSandbox = await startSandbox({ testToken: token, ...options.sandbox });
  // Each worker gets its own client and pacer, as a worker process would: they share the budget through Redis.
  const createClient = () => {
    const pace = createRequestPacer({ redis, keyPrefix: prefix, budget: options.budget?.requests ?? 1_000_000, ...(options.budget?.windowMs ? { windowMs: options.budget.windowMs } : {}) });
    const pacedClient = createPartnerCenterClient({ cloud: 'global', baseUrl: sandbox.url, getAccessToken: async () => token, pace, ...(options.fetch ? { fetch: options.fetch } : {}) });
    return options.wrapClient ? options.wrapClient(pacedClient) : pacedClient;
  };
  const logLines: string[] = [];
  const logger = pino(
    { level: 'debug', redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' } },
    new Writable({ write(chunk, _encoding, done) { logLines.push(String(chunk)); done(); } }),
  );
  const store: ImportStore = createImportStore(redis, prefix, options.retentionMs ? { retentionMs: options.retentionMs } : {});
  const vault = createPasswordVault({ redis, keyPrefix: prefix, key: randomBytes(32), ttlMs: 60_000 });
  const queue = createRowQueue({ connection: redis, keyPrefix: prefix, maxAttempts: options.maxAttempts ?? 4 });
  const events = createImportEventBus(() => redis.duplicate(), prefix);
  const service: ImportService = createImportService({ store, queue, vault, events, ...(options.feedWindow ? { feedWindow: options.feedWindow } : {}) });
  const workers: RowWorker[] = [];
  const startRowWorker = () => {
    const worker = startWorker({
      connection: redis,
      keyPrefix: prefix,
      store,
      vault,
      partnerCenter: createClient(),
      logger,
      concurrency: 4,
      backoff: { baseDelayMs: 20, maxDelayMs: 200 },
      queue,
      ...(options.feedWindow ? { feedWindow: options.feedWindow } : {}),
      ...options.worker,
    });
    workers.push(worker);
    return worker;
  };
  if (!options.noWorker) startRowWorker();

  return {
    prefix,
    redis,
    sandbox,
    service,
    store,
    queue,
    logLines,
    startRowWorker,
    async importCsv(text: string, importOptions: { dryRun?: boolean; cloud?: CloudName; contentHash?: string; again?: boolean } = {}): Promise<ImportSummary> {
      const { dryRun = false, cloud = 'global', ...rest } = importOptions;
      return service.createImport({ source: csvSource(text), dryRun, cloud, ...rest });
    },
    /** A customer's subscriptions as the sandbox answers them over HTTP (an unpaced, unwrapped client). */
    async subscriptionsOf(customerId: string) {
      const client = createPartnerCenterClient({ cloud: 'global', baseUrl: sandbox.url, getAccessToken: async () => token });
      return client.listSubscriptions(customerId);
    },
    /** Waits until no row is pending (and validation ended). */
    async waitUntilSettled(importId: string, timeoutMs = 20_000): Promise<ImportSummary> {
      return waitUntilSettled(service, importId, timeoutMs);
    },
    async sandboxStats(): Promise<{ creationsPerDomain: Record<string, number>; callsPerEndpoint: Record<string, number>; customers: { id: string; domain: string; agreements: number; orders: string[] }[] }> {
      return (await fetch(`${sandbox.url}/_sandbox/stats`)).json() as never;
    },
    async resultsText(importId: string, kind: 'results' | 'failed' = 'results', language: 'en' | 'ja' = 'en'): Promise<string> {
      const chunks: Uint8Array[] = [];
      for await (const chunk of service.resultsCsv(importId, kind, language)) chunks.push(chunk);
      return Buffer.concat(chunks).toString('utf8');
    },
    async close() {
      for (const worker of workers) await worker.close();
      await queue.close();
      await events.close();
      await sandbox.close();
      await deleteKeys(redis, `${prefix}*`);
      await redis.quit();
    },
  };
}

export type TestPipeline = Awaited<ReturnType<typeof startTestPipeline>>;
