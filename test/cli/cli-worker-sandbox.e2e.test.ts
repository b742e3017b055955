import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../worker/config.ts';
import { useRunningSandbox } from '../../worker/partner-center/select-partner-center.ts';
import { deleteKeys, TEST_REDIS_URL } from '../support/redis/with-redis.ts';
import { createRuntime } from '../../worker/runtime/create-runtime.ts';
import { csvSource } from '../support/worker/csv-source.ts';
import { buildCustomerCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { startCliProcess, stopAll } from '../support/cli/start-cli-process.ts';
import { cliTestEnv } from '../support/cli/cli-test-env.ts';

describe('pc-onboard sandbox and pc-onboard worker, as separate processes', () => {
  const prefix = `test-${randomUUID()}`;
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const dataDir = mkdtempSync(join(tmpdir(), 'pc-onboard-worker-'));

  afterAll(async () => {
    stopAll();
    await deleteKeys(redis, `${prefix}*`);
    await redis.quit();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should let a standalone worker process the rows an import queued elsewhere, against a standalone sandbox', async () => {
    const sandboxToken = `test-${randomUUID()}`;
    const sandbox = await startCliProcess(['sandbox', '--port', '0'], { SANDBOX_TEST_TOKEN: sandboxToken }, 'Ctrl+C stops it.');
    const sandboxUrl = /listening on (http:\/\/\S+)/.exec(sandbox.output())![1]!;
    expect(sandbox.output()).toContain(`Test token (app+user): ${sandboxToken}`);
    const agreements = await fetch(`${sandboxUrl}/v1/agreements?agreementType=MicrosoftCustomerAgreement`, { headers: { Authorization: `Bearer ${sandboxToken}` } });
    expect(agreements.status).toBe(200);

    const env = cliTestEnv({ prefix, dataDir, sandbox: { url: sandboxUrl, token: sandboxToken } }, { LOG_LEVEL: 'warn' });
    const worker = await startCliProcess(['worker', '--concurrency', '2'], env, 'Worker running');
    expect(worker.output()).toContain(`the sandbox at ${sandboxUrl}`);

    // This process only queues (no worker of its own): the rows can only be done by the worker process.
    const config = loadConfig({ env });
    const runtime = await createRuntime(config, { worker: false, partnerCenter: useRunningSandbox({ url: sandboxUrl, token: sandboxToken, cloud: 'global' }) });
    try {
      const summary = await runtime.service.createImport({
        source: csvSource(buildCustomerCsv([validRow('wrk1'), validRow('wrk2'), validRow('wrk3')])),
        dryRun: false,
        cloud: 'global',
      });
      await vi.waitFor(async () => expect((await runtime.service.getImport(summary.id))?.counts).toMatchObject({ created: 3, pending: 0 }), {
        timeout: 30_000,
        interval: 100,
      });
    } finally {
      await runtime.close();
    }
    const stats = (await (await fetch(`${sandboxUrl}/_sandbox/stats`)).json()) as { customers: { domain: string }[] };
    expect(stats.customers.map((customer) => customer.domain).sort()).toEqual(['wrk1.onmicrosoft.com', 'wrk2.onmicrosoft.com', 'wrk3.onmicrosoft.com']);

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain('stopping the worker');
    sandbox.child.kill('SIGINT');
    expect(await sandbox.exited).toBe(0);
  }, 90_000);
});
