import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach } from 'vitest';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { startSandbox, type RunningSandbox } from '../../../sandbox/start-sandbox.ts';
import type { SandboxOptions } from '../../../sandbox/sandbox-options.ts';
import { ROW_STATUSES } from '../../../shared/status/row-status.ts';
import type { ImportSummary, RowResult } from '../../../shared/imports/import-types.ts';
import { createPartnerCenterClient } from '../../../shared/partner-center/create-partner-center-client.ts';
import { createImportEventBus } from '../../../worker/store/events/import-event-bus.ts';
import { createImportService } from '../../../worker/imports/create-import-service.ts';
import { createImportStore } from '../../../worker/store/create-import-store.ts';
import { REDACTED_PATHS } from '../../../worker/logging/create-logger.ts';
import { createRowQueue } from '../../../worker/queue/row-queue.ts';
import { startWorker, type RowWorker, type StartWorkerOptions } from '../../../worker/queue/start-worker.ts';
import { deleteKeys, TEST_REDIS_URL } from '../../support/redis/with-redis.ts';
import { createPasswordVault } from '../../../worker/secrets/password-vault.ts';
import { buildCustomerCsv, validRow } from '../../support/worker/build-customer-csv.ts';
import { startFaultProxy, type FaultProxyOptions } from './fault-proxy.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const CLI = join(ROOT, 'worker', 'cli', 'main.ts');
const FINAL_STATUSES = new Set<string>(ROW_STATUSES);

export interface ChaosHarnessOptions {
  sandbox?: SandboxOptions;
  /** Defaults to the shared test Redis. */
  redisUrl?: string;
  /** Put a fault proxy in front of the sandbox: workers then reach Partner Center through it. */
  proxy?: Omit<FaultProxyOptions, 'target'>;
  /** Level of the in-process workers' logger, whose lines are kept in `logLines`. @default 'debug' */
  logLevel?: 'debug' | 'trace';
  /** How long the vault keeps an unrevealed password. @default 60 s */
  passwordTtlMs?: number;
}

/**
 * What a chaos test needs, all real: a sandbox on a free port, Redis under a `test-<uuid>` prefix,
 * the import service (no worker: the test starts workers, in this process or as `pc-onboard
 * worker` child processes it can kill -9), and helpers that read every row's final status.
 */
export async function startChaosHarness(options: ChaosHarnessOptions = {}) {
  const prefix = `test-${randomUUID()}`;
  const redisUrl = options.redisUrl ?? TEST_REDIS_URL;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  // Redis may be restarted on purpose: reconnects are expected, not unhandled errors.
  const quiet = (connection: Redis) => connection.on('error', () => undefined);
  quiet(redis);
  const token = `chaos-${randomUUID()}`;
  // Unthrottled unless a test says otherwise: the default bucket (500/min) would make 1 000 rows take minutes.
  const sandbox: RunningSandbox = await startSandbox({ testToken: token, rateLimit: { capacity: 1_000_000, refillPerSecond: 1_000_000 }, ...options.sandbox });
  const proxy = options.proxy ? await startFaultProxy({ target: sandbox.url, ...options.proxy }) : undefined;
  const partnerCenterUrl = proxy?.url ?? sandbox.url;
  const secretKey = randomBytes(32);
  const dataDir = mkdtempSync(join(tmpdir(), 'pco-chaos-'));
  const logLines: string[] = [];
  const logger = pino(
    { level: options.logLevel ?? 'debug', redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' } },
    new Writable({ write(chunk, _encoding, done) { logLines.push(String(chunk)); done(); } }),
  );
  const store = createImportStore(redis, prefix);
  const vault = createPasswordVault({ redis, keyPrefix: prefix, key: secretKey, ttlMs: options.passwordTtlMs ?? 60_000 });
  const queue = createRowQueue({ connection: redis, keyPrefix: prefix, maxAttempts: 8 });
  queue.on('error', () => undefined); // BullMQ logs connection errors itself when nobody listens
  const events = createImportEventBus(() => quiet(redis.duplicate()), prefix);
  const service = createImportService({ store, queue, vault, events });
  const children = new Set<ChildProcess>();
  const workers: RowWorker[] = [];
  const client = createPartnerCenterClient({ cloud: 'global', baseUrl: partnerCenterUrl, getAccessToken: async () => token });

  return {
    prefix,
    redis,
    sandbox,
    /** The fault proxy, when `options.proxy` asked for one. */
    proxy,
    service,
    queue,
    logLines,
    /** A client of the sandbox (not through the proxy), e.g. to read what it holds or to wrap for a worker. */
    client,
    /** Imports `rows` valid US rows with unique domains. */
    async importRows(rows: number): Promise<ImportSummary> {
      const tag = randomUUID().slice(0, 8);
      const text = buildCustomerCsv(Array.from({ length: rows }, (_, index) => validRow(`c${tag}${index}`)));
      const bytes = new TextEncoder().encode(text);
      return service.createImport({ source: { kind: 'csv', fileName: 'chaos.csv', bytes: (async function* () { yield bytes; })() }, dryRun: false, cloud: 'global' });
    },
    /** A worker in this process (its Redis connection is `connection`, default the harness's). */
    startInProcessWorker(overrides: Partial<StartWorkerOptions> = {}): RowWorker {
      const worker = startWorker({
        connection: redis,
        keyPrefix: prefix,
        store,
        vault,
        partnerCenter: client,
        logger,
        concurrency: 4,
        backoff: { baseDelayMs: 20, maxDelayMs: 300 },
        lockDurationMs: 5_000,
        stalledIntervalMs: 2_000,
        queue,
        ...overrides,
      });
      workers.push(worker);
      return worker;
    },
    /** Stops the in-process workers (their rows stay in the queue for others). */
    async closeInProcessWorkers(): Promise<void> {
      for (const worker of workers.splice(0)) await worker.close();
    },
    /** `pc-onboard worker` as a child process against this Redis prefix and sandbox; stderr is kept. */
    spawnCliWorker(env: Record<string, string> = {}): ChildProcess & { output: string[] } {
      const child = spawn(process.execPath, [CLI, 'worker'], {
        cwd: ROOT,
        env: {
          ...process.env,
          REDIS_URL: redisUrl,
          PC_ONBOARD_KEY_PREFIX: prefix,
          PC_ONBOARD_SECRET_KEY: secretKey.toString('base64'),
          PC_ONBOARD_API_TOKEN: `chaos-api-${randomUUID()}`,
          PC_ONBOARD_DATA_DIR: dataDir,
          PC_ONBOARD_SANDBOX_URL: partnerCenterUrl,
          PC_ONBOARD_SANDBOX_TOKEN: token,
          PC_ONBOARD_CONCURRENCY: '8',
          PC_ONBOARD_RATE_LIMIT_PER_MINUTE: '1000000',
          PC_ONBOARD_MAX_ATTEMPTS: '8',
          LOG_LEVEL: 'warn',
          ...env,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      }) as ChildProcess & { output: string[] };
      child.output = [];
      child.stderr!.on('data', (chunk: Buffer) => child.output.push(String(chunk)));
      children.add(child);
      child.once('exit', () => children.delete(child));
      return child;
    },
    async summary(importId: string): Promise<ImportSummary> {
      return (await service.getImport(importId))!;
    },
    /** Polls until `predicate` holds for the summary. */
    async waitFor(importId: string, predicate: (summary: ImportSummary) => boolean, timeoutMs: number, what: string): Promise<ImportSummary> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const summary = (await service.getImport(importId))!;
        if (predicate(summary)) return summary;
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(summary.counts)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    /** Every row of the import, through the service's pages. */
    async allRows(importId: string): Promise<RowResult[]> {
      const rows: RowResult[] = [];
      let cursor: string | undefined;
      do {
        const page = await service.listRows(importId, { limit: 500, ...(cursor ? { cursor } : {}) });
        rows.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return rows;
    },
    async sandboxStats(): Promise<{ creationsPerDomain: Record<string, number>; callsPerEndpoint: Record<string, number>; customers: { domain: string }[] }> {
      return (await fetch(`${sandbox.url}/_sandbox/stats`)).json() as never;
    },
    /**
     * The never-twice invariants: rows 1..total each appear once with a final status; every
     * `created` row's domain was created exactly once; no domain was created twice.
     */
    async checkInvariants(importId: string, total: number) {
      const rows = await this.allRows(importId);
      const numbers = rows.map((row) => row.row).sort((a, b) => a - b);
      const notFinal = rows.filter((row) => !FINAL_STATUSES.has(row.status));
      const stats = await this.sandboxStats();
      const createdTwice = Object.entries(stats.creationsPerDomain).filter(([, count]) => count > 1);
      const created = rows.filter((row) => row.status === 'created');
      return { rows, numbers, expectedNumbers: Array.from({ length: total }, (_, index) => index + 1), notFinal, createdTwice, created, stats };
    },
    async close() {
      for (const child of children) child.kill('SIGKILL');
      for (const worker of workers) await worker.close().catch(() => undefined);
      await queue.close().catch(() => undefined);
      await events.close().catch(() => undefined);
      await proxy?.close();
      await sandbox.close();
      await deleteKeys(redis, `${prefix}*`).catch(() => undefined);
      redis.disconnect();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type ChaosHarness = Awaited<ReturnType<typeof startChaosHarness>>;

/** Starts harnesses in a test file and closes each after its test. */
export function useChaosHarness(): (options?: ChaosHarnessOptions) => Promise<ChaosHarness> {
  let harness: ChaosHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  return async (options) => (harness = await startChaosHarness(options));
}

/** Resolves when the child exits (or at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
