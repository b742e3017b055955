import { randomBytes, randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox.ts';
import type { ImportSummary, RowResult } from '../../shared/imports/import-types.ts';
import { startApiServer, type RunningApiServer } from '../../worker/api/start-api-server.ts';
import { loadConfig } from '../../worker/config.ts';
import { useRunningSandbox } from '../../worker/partner-center/select-partner-center.ts';
import { createRuntime, type Runtime } from '../../worker/runtime/create-runtime.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { busiestWindow } from '../support/worker/busiest-window.ts';
import { buildCustomerCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { startLocalRedisCluster } from './support/local-redis-cluster.ts';

const ROWS = 1_000;
/** The budget of both workers together, and the sandbox's bucket: B = 200 per 4 s (50 a second). */
const BUDGET = 200;
const WINDOW_SECONDS = 4;

type Cluster = Awaited<ReturnType<typeof startLocalRedisCluster>>;
let cluster: Cluster | undefined;
let sandbox: RunningSandbox | undefined;
let api: RunningApiServer | undefined;
const runtimes: Runtime[] = [];
afterEach(async () => {
  await api?.close();
  for (const runtime of runtimes.splice(0)) await runtime.close();
  await sandbox?.close();
  await cluster?.stop();
  api = sandbox = cluster = undefined;
});

/**
 * Scale-out on a real Redis Cluster (three masters on ports of their own): two worker processes'
 * runtimes and the HTTP API, connected with ioredis' Cluster client under the hash-tag prefix
 * `{pco}`, import 1 000 rows against a sandbox whose bucket is the workers' shared budget.
 */
describe('two workers and the API on a three-master Redis Cluster', () => {
  it('should end every row once, create every domain once and hold the shared budget', async () => {
    cluster = await startLocalRedisCluster();
    const token = `cluster-${randomUUID()}`;
    sandbox = await startSandbox({ testToken: token, rateLimit: { capacity: BUDGET, refillPerSecond: BUDGET / WINDOW_SECONDS } });
    const dataDir = makeTempDir('pco-cluster-data-');
    const apiToken = `cluster-api-${randomUUID()}`;
    const config = loadConfig({
      cwd: dataDir,
      env: {
        REDIS_CLUSTER_NODES: cluster.nodes.join(','),
        PC_ONBOARD_KEY_PREFIX: '{pco}',
        PC_ONBOARD_DATA_DIR: dataDir,
        PC_ONBOARD_API_TOKEN: apiToken,
        PC_ONBOARD_SECRET_KEY: randomBytes(32).toString('base64'),
        PC_ONBOARD_RATE_LIMIT_PER_MINUTE: String(BUDGET),
        PC_ONBOARD_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
        PC_ONBOARD_CONCURRENCY: '8',
      },
    });
    // What reached the sandbox, from both workers: when each call was sent and how many got 429.
    const sentAt: number[] = [];
    let throttled = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      sentAt.push(performance.now());
      const answer = await fetch(input, init);
      if (answer.status === 429) throttled++;
      return answer;
    };
    const logger = pino({ level: 'silent' });
    const partnerCenter = () => {
      const selection = useRunningSandbox({ url: sandbox!.url, token, cloud: 'global' });
      return { ...selection, clientOptions: { ...selection.clientOptions, fetch: countingFetch } };
    };
    for (let worker = 0; worker < 2; worker++) runtimes.push(await createRuntime(config, { worker: true, logger, partnerCenter: partnerCenter() }));
    const apiRuntime = await createRuntime(config, { worker: false, logger, partnerCenter: partnerCenter() });
    runtimes.push(apiRuntime);
    const apiService = await apiRuntime.openApiService();
    api = await startApiServer(
      { service: apiService.service, redisReachable: apiService.reachable, apiToken, extensionOrigins: [], maxBodyBytes: 50 * 1024 * 1024, checkHealth: () => apiRuntime.checkHealth() },
      { port: 0 },
    );
    const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
      const answer = await fetch(`${api!.url}${path}`, { ...init, headers: { Authorization: `Bearer ${apiToken}`, ...init.headers } });
      expect(answer.status, `${init.method ?? 'GET'} ${path}`).toBeLessThan(300);
      return (await answer.json()) as T;
    };
    expect(await call('/health')).toMatchObject({ redis: 'up' });

    const tag = randomUUID().slice(0, 6);
    const form = new FormData();
    form.set('file', new Blob([buildCustomerCsv(Array.from({ length: ROWS }, (_, index) => validRow(`k${tag}${index}`)))], { type: 'text/csv' }), 'cluster.csv');
    const created = await call<ImportSummary>('/imports', { method: 'POST', body: form });
    expect(created.total).toBe(ROWS);
    await expect.poll(async () => (await call<ImportSummary>(`/imports/${created.id}`)).counts.pending, { timeout: 240_000, interval: 500 }).toBe(0);

    const rows: RowResult[] = [];
    let cursor: string | undefined;
    do {
      const page = await call<{ items: RowResult[]; nextCursor?: string }>(`/imports/${created.id}/rows?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    // Every row exactly once, each with its final status: created.
    expect(rows.map((row) => row.row).sort((a, b) => a - b)).toEqual(Array.from({ length: ROWS }, (_, index) => index + 1));
    expect(rows.filter((row) => row.status !== 'created')).toEqual([]);
    // Every domain created once at Partner Center.
    const stats = (await (await fetch(`${sandbox.url}/_sandbox/stats`)).json()) as { creationsPerDomain: Record<string, number> };
    const creations = Object.entries(stats.creationsPerDomain).filter(([domain]) => domain.startsWith(`k${tag}`));
    expect(creations).toHaveLength(ROWS);
    expect(creations.filter(([, count]) => count !== 1)).toEqual([]);
    // The shared budget held: the sandbox's bucket of B per window never answered 429, and no window
    // 1 s shorter than the budget's (slack for when a call leaves) saw more than B calls.
    expect(throttled).toBe(0);
    expect(busiestWindow(sentAt, (WINDOW_SECONDS - 1) * 1000)).toBeLessThanOrEqual(BUDGET);
  }, 300_000);
});
