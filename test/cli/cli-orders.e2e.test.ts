import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox.ts';
import { createPartnerCenterClient } from '../../shared/partner-center/create-partner-center-client.ts';
import { deleteKeys, TEST_REDIS_URL } from '../support/redis/with-redis.ts';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { buildOrdersCsv } from '../support/worker/build-orders-csv.ts';
import { MCA_ACCEPTED, TEST_OFFERS } from '../support/worker/test-offers.ts';
import { spawnCli } from '../support/cli/spawn-cli.ts';

const { m365Basic: M365 } = TEST_OFFERS;

describe('pc-onboard import of an orders file (child process, real Redis, sandbox over HTTP)', () => {
  const prefix = `test-${randomUUID()}`;
  const sandboxToken = `test-${randomUUID()}`;
  const dir = mkdtempSync(join(tmpdir(), 'pc-onboard-cli-orders-'));
  const tag = randomUUID().slice(0, 6);
  let sandbox: RunningSandbox;
  let redis: Redis;
  let env: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startSandbox({ testToken: sandboxToken });
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    env = {
      REDIS_URL: TEST_REDIS_URL,
      PC_ONBOARD_KEY_PREFIX: prefix,
      PC_ONBOARD_DATA_DIR: join(dir, 'data'),
      PC_ONBOARD_SANDBOX_URL: sandbox.url,
      PC_ONBOARD_SANDBOX_TOKEN: sandboxToken,
      PC_ONBOARD_CONCURRENCY: '4',
      PC_ONBOARD_RATE_LIMIT_PER_MINUTE: '100000',
    };
  });

  afterAll(async () => {
    await deleteKeys(redis, `${prefix}*`);
    await redis.quit();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should print the plan in a dry run, apply it once with pc_subscriptions, skip it when run again, and apply it again with --again', async () => {
    const customers = join(dir, 'customers.csv');
    writeFileSync(customers, buildCustomerCsv([validRow(`c${tag}`, { Offers: `${M365}*10`, ...MCA_ACCEPTED })]));
    const created = await spawnCli(['import', customers], env);
    expect(created.code, created.stderr).toBe(0);
    const customerId = parseResultsCsv(readFileSync(join(dir, 'customers.results.csv'), 'utf8'))[0]!.pc_customer_id!;
    const client = createPartnerCenterClient({ cloud: 'global', baseUrl: sandbox.url, getAccessToken: async () => sandboxToken });
    const [subscription] = await client.listSubscriptions(customerId);

    const orders = join(dir, 'add-licences.csv');
    writeFileSync(orders, buildOrdersCsv([{ customer: `c${tag}`, offers: `${M365}*5` }]));
    const dry = await spawnCli(['import', orders, '--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`row 1 c${tag}: raise ${subscription!.offerName} (${subscription!.id}) from 10 to 15`);
    expect((await client.listSubscriptions(customerId))[0]!.quantity).toBe(10);

    const real = await spawnCli(['import', orders, '--json'], env);
    expect(real.code, real.stderr).toBe(0);
    expect(JSON.parse(real.stdout)).toMatchObject({ counts: { ordered: 1, pending: 0 } });
    const results = parseResultsCsv(readFileSync(JSON.parse(real.stdout).resultsFile as string, 'utf8'));
    expect(results.map((row) => [row.pc_status, row.pc_subscriptions])).toEqual([['ordered', `${subscription!.id}:10→15`]]);
    expect((await client.listSubscriptions(customerId))[0]!.quantity).toBe(15);

    const twice = await spawnCli(['import', orders, '--json'], env);
    expect(JSON.parse(twice.stdout)).toMatchObject({ counts: { skipped: 1, ordered: 0 } });
    expect((await client.listSubscriptions(customerId))[0]!.quantity).toBe(15);

    const again = await spawnCli(['import', orders, '--again', '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ counts: { ordered: 1 } });
    expect((await client.listSubscriptions(customerId))[0]!.quantity).toBe(20);

    const help = await spawnCli(['help', 'import'], env);
    expect(help.stdout).toMatch(/--again\s+an orders file imported before/);
  }, 120_000);
});
