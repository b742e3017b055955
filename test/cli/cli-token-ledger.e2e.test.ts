import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteKeys, TEST_REDIS_URL } from '../support/redis/with-redis.ts';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { dumpRedisValues } from '../support/worker/dump-redis-values.ts';
import { spawnCli } from '../support/cli/spawn-cli.ts';
import { startCliProcess, stopAll } from '../support/cli/start-cli-process.ts';

describe('who onboarded whom: tokens per person and the ledger, end to end', () => {
  const prefix = `test-${randomUUID()}`;
  const dir = mkdtempSync(join(tmpdir(), 'pc-onboard-who-'));
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const env = { REDIS_URL: TEST_REDIS_URL, PC_ONBOARD_KEY_PREFIX: prefix, PC_ONBOARD_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' };

  afterAll(async () => {
    stopAll();
    await deleteKeys(redis, `${prefix}*`);
    await redis.quit();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should give each person a token that a running serve knows at once, record them on imports and the ledger, and refuse a revoked one', async () => {
    const serve = await startCliProcess(['serve', '--port', '0'], env, 'Ctrl+C stops the server');
    const url = /listening on (http:\/\/\S+)/.exec(serve.output())![1]!;
    const firstToken = /API token \(shown once[^)]*\): (\S+)/.exec(serve.output())![1]!;

    const added = await spawnCli(['token', 'add', 'alice'], env, { direct: true });
    expect(added.code, added.stderr).toBe(0);
    const alice = added.stdout.trim();
    expect(alice).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(added.stderr).toContain('shown once');
    const list = await spawnCli(['token', 'list'], env, { direct: true });
    expect(list.stdout).toMatch(/^first\s+created /m);
    expect(list.stdout).toMatch(/^alice\s+created /m);
    expect(list.stdout).not.toContain(alice);
    expect((await spawnCli(['token', 'add', 'alice'], env, { direct: true })).code).toBe(2);
    expect((await dumpRedisValues(redis, prefix, () => false)).join('\n')).not.toContain(alice);

    const form = new FormData();
    form.set('file', new File([buildCustomerCsv([validRow('who1'), validRow('who2')])], 'team.csv'));
    const created = await fetch(`${url}/imports`, { method: 'POST', headers: { Authorization: `Bearer ${alice}` }, body: form });
    expect(created.status).toBe(201);
    const { id, queuedBy } = (await created.json()) as { id: string; queuedBy: string };
    expect(queuedBy).toBe('alice');
    await expect
      .poll(async () => ((await (await fetch(`${url}/imports/${id}`, { headers: { Authorization: `Bearer ${firstToken}` } })).json()) as { counts: { created: number } }).counts.created, { timeout: 30_000 })
      .toBe(2);

    const ledger = (await (await fetch(`${url}/ledger?domain=who1`, { headers: { Authorization: `Bearer ${firstToken}` } })).json()) as { items: { domain: string; queuedBy: string; importId: string }[] };
    expect(ledger.items).toEqual([expect.objectContaining({ domain: 'who1', queuedBy: 'alice', importId: id })]);

    // From the command line, the person is the user at the terminal.
    const file = join(dir, 'mine.csv');
    writeFileSync(file, buildCustomerCsv([validRow('who3')]));
    expect((await spawnCli(['import', file], env, { direct: true })).code).toBe(0);
    const csv = await spawnCli(['ledger', '--csv', '--since', '2000-01-01'], env, { direct: true });
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.startsWith('\ufeffcreatedAt,cloud,domain,customerId,adminUser,queuedBy,importId,fileName,row\r\n')).toBe(true);
    const rows = parseResultsCsv(csv.stdout);
    expect(rows.map((row) => [row.domain, row.queuedBy])).toEqual([
      ['who1', 'alice'],
      ['who2', 'alice'],
      ['who3', `cli:${userInfo().username}`],
    ]);
    const one = await spawnCli(['ledger', '--domain', 'WHO3.onmicrosoft.com'], env, { direct: true });
    expect(one.stdout.trim().split('\n')).toHaveLength(1);
    expect(one.stdout).toContain('admin@who3.onmicrosoft.com');
    const bad = await spawnCli(['ledger', '--since', 'last week'], env, { direct: true });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM-DD');

    const revoked = await spawnCli(['token', 'revoke', 'alice'], env, { direct: true });
    expect(revoked.code).toBe(0);
    expect((await fetch(`${url}/imports`, { headers: { Authorization: `Bearer ${alice}` } })).status).toBe(401);
    expect((await fetch(`${url}/imports`, { headers: { Authorization: `Bearer ${firstToken}` } })).status).toBe(200);
    expect((await spawnCli(['token', 'revoke', 'alice'], env, { direct: true })).code).toBe(2);
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
  }, 180_000);
});
