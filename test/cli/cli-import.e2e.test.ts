import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox.ts';
import { deleteKeys, TEST_REDIS_URL } from '../support/redis/with-redis.ts';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { dumpRedisValues } from '../support/worker/dump-redis-values.ts';
import { expectResultsAsExpected } from '../support/worker/expect-results-as-expected.ts';
import { buildHundredRowFile } from '../support/worker/hundred-row-file.ts';
import { MCA_ACCEPTED, TEST_OFFERS } from '../support/worker/test-offers.ts';
import { spawnCli, type CliRun } from '../support/cli/spawn-cli.ts';
import { cliTestEnv } from '../support/cli/cli-test-env.ts';

const { m365Basic: M365_BASIC } = TEST_OFFERS;

interface SandboxStats {
  creationsPerDomain: Record<string, number>;
  callsPerEndpoint: Record<string, number>;
  customers: { domain: string; orders: string[] }[];
}

describe('pc-onboard import, end to end (child process, real Redis, sandbox over HTTP)', () => {
  const prefix = `test-${randomUUID()}`;
  const sandboxToken = `test-${randomUUID()}`;
  const dir = mkdtempSync(join(tmpdir(), 'pc-onboard-cli-e2e-'));
  const inputPath = join(dir, 'customers.csv');
  const file = buildHundredRowFile('cli');
  const { rows, expected } = file;
  const runs: CliRun[] = [];
  let sandbox: RunningSandbox;
  let redis: Redis;
  let env: Record<string, string>;
  let firstImportId = '';

  const cli = async (...args: string[]) => {
    const run = await spawnCli(args, env);
    runs.push(run);
    return run;
  };
  const stats = async () => (await (await fetch(`${sandbox.url}/_sandbox/stats`)).json()) as SandboxStats;

  beforeAll(async () => {
    sandbox = await startSandbox({ testToken: sandboxToken, existingDomains: file.takenDomains, requireAgreementForPurchases: true });
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    env = cliTestEnv(
      { prefix, dataDir: join(dir, 'data'), sandbox: { url: sandbox.url, token: sandboxToken } },
      // Everything the worker can log, so the password search below covers it.
      { PC_ONBOARD_CONCURRENCY: '8', PC_ONBOARD_RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'debug' },
    );
    writeFileSync(inputPath, buildCustomerCsv(rows));
  });

  afterAll(async () => {
    await deleteKeys(redis, `${prefix}*`);
    await redis.quit();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should end every row in its expected status, write both files, and exit 1', async () => {
    const run = await cli('import', inputPath);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`the sandbox at ${sandbox.url}`);
    expect(run.stderr).toContain('no real customers are created');
    expect(run.stderr).toMatch(/^progress: 100\/100 rows \(created 67 · exists 5 · invalid 23 · skipped 5\)/m);
    expect(run.stdout).toMatch(/created\s*│\s*67/);
    firstImportId = /^Import (\S+) of customers\.csv/m.exec(run.stdout)?.[1] ?? '';
    expect(firstImportId).not.toBe('');

    const results = parseResultsCsv(readFileSync(join(dir, 'customers.results.csv'), 'utf8'));
    expectResultsAsExpected(results, file);
    expect(results.map((result) => result.pc_line)).toEqual(rows.map((_, index) => String(index + 2)));
    const failedFile = parseResultsCsv(readFileSync(join(dir, 'customers.failed.csv'), 'utf8'));
    expect(failedFile.map((row) => row['CRM id'])).toEqual(
      rows.filter((_, index) => ['invalid', 'failed'].includes(expected[index]!.status)).map((row) => row['CRM id']),
    );
    expect(Object.keys(failedFile[0]!).filter((column) => column.startsWith('pc_'))).toEqual(['pc_error_field', 'pc_error']);

    const after = await stats();
    expect(after.customers).toHaveLength(67);
    expect(Object.values(after.creationsPerDomain).every((count) => count === 1)).toBe(true);
  }, 120_000);

  it('should reveal a password once, to stdout only, and never write it anywhere else', async () => {
    const redisBefore = await dumpRedisValues(redis, prefix, (key) => key.includes(':secret:'));
    const passwords: string[] = [];
    for (const row of ['1', '46', '100']) {
      const reveal = await cli('reveal', firstImportId, row);
      expect(reveal.code, reveal.stderr).toBe(0);
      const password = reveal.stdout.trim();
      expect(password).toMatch(/^\S{12,}$/);
      expect(reveal.stderr).toContain(`admin@cli${row}.onmicrosoft.com`);
      expect(reveal.stderr).not.toContain(password);
      passwords.push(password);
    }
    const again = await cli('reveal', firstImportId, '1');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already revealed once');
    expect(again.stdout).toBe('');

    const written = [
      ...runs.flatMap((run, index) => (run.stdout.trim() === passwords[index - 1] ? [run.stderr] : [run.stdout, run.stderr])),
      ...readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.name.endsWith('.aof') && entry.name !== 'secret-key')
        .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8')),
      ...redisBefore,
      ...(await dumpRedisValues(redis, prefix, (key) => key.includes(':secret:'))),
    ].join('\n');
    expect(written.length).toBeGreaterThan(50_000);
    // The reveal runs themselves printed it on stdout (and only there): they are left out above.
    for (const password of passwords) expect(written.includes(password), 'a revealed password was found in the output').toBe(false);
  }, 120_000);

  it('should say there is nothing to retry when no row failed (invalid rows need the file fixed), and create nothing', async () => {
    const before = await stats();
    const run = await cli('retry', firstImportId, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Nothing to retry');
    expect(JSON.parse(run.stdout)).toMatchObject({ importId: firstImportId, requeued: 0, counts: { failed: 0, created: 67, invalid: 23, pending: 0 } });
    const after = await stats();
    expect(after.creationsPerDomain).toEqual(before.creationsPerDomain);
  }, 120_000);

  it('should create nothing when the same file runs again: its customers end created from the ledger, not exists', async () => {
    const before = await stats();
    const out = join(dir, 'rerun.csv');
    const run = await cli('import', inputPath, '--out', out, '--json');
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.counts).toEqual({ pending: 0, created: 67, exists: 5, invalid: 23, failed: 0, skipped: 5, ready: 0, ordered: 0 });
    expect(report.resultsFile).toBe(out);
    const results = parseResultsCsv(readFileSync(out, 'utf8'));
    results.forEach((result, index) => {
      const first = expected[index]!.status;
      const want = first === 'failed' ? 'created' : first;
      expect(result.pc_status, `row ${index + 1}`).toBe(want);
      if (want === 'created') expect(result.pc_note, `row ${index + 1}`).toContain(`import ${firstImportId} (customers.csv, row ${index + 1})`);
    });
    const after = await stats();
    expect(after.customers).toHaveLength(before.customers.length);
    expect(after.creationsPerDomain).toEqual(before.creationsPerDomain);
  }, 120_000);

  it('should exit 0 on a dry run where every row is ready or exists, creating nothing', async () => {
    const before = await stats();
    const file = join(dir, 'dry.csv');
    writeFileSync(file, buildCustomerCsv([validRow('clidry1', { Offers: M365_BASIC, ...MCA_ACCEPTED }), validRow('clitaken1'), validRow('clidry3')]));
    const run = await cli('import', file, '--dry-run', '--json', '--lang', 'ja');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: true, counts: { ready: 2, exists: 1, created: 0 }, failedFile: null, exitCode: 0 });
    expect(existsSync(join(dir, 'dry.failed.csv'))).toBe(false);
    expect((await stats()).customers).toHaveLength(before.customers.length);
  }, 120_000);

  it('should cancel the queued rows on Ctrl+C, finish the running ones, and still write the results', async () => {
    const file = join(dir, 'slow.csv');
    writeFileSync(file, buildCustomerCsv(Array.from({ length: 30 }, (_, index) => validRow(`clislow${index + 1}`))));
    await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ latencyMs: 150 }) });
    let interrupted = false;
    try {
      const run = await spawnCli(['import', file, '--concurrency', '2', '--json'], env, {
        direct: true,
        onStderr: (stderr, child) => {
          if (!interrupted && /^progress: /m.test(stderr)) {
            interrupted = true;
            child.kill('SIGINT');
          }
        },
      });
      runs.push(run);
      expect(interrupted).toBe(true);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain('Cancelling');
      const report = JSON.parse(run.stdout);
      expect(report.counts.pending).toBe(0);
      expect(report.counts.skipped).toBeGreaterThan(0);
      expect(report.counts.created + report.counts.skipped).toBe(30);
      const results = parseResultsCsv(readFileSync(join(dir, 'slow.results.csv'), 'utf8'));
      const skipped = results.filter((row) => row.pc_status === 'skipped');
      expect(skipped).toHaveLength(report.counts.skipped);
      expect(skipped.every((row) => row.pc_error_code === 'cancelled')).toBe(true);
    } finally {
      await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ latencyMs: 0 }) });
    }
  }, 120_000);

  it('should exit 2 naming the missing column and the closest header', async () => {
    const file = join(dir, 'bad-header.csv');
    writeFileSync(file, buildCustomerCsv([validRow('clibad1')]).replace('Email', 'E-mail addr'));
    const run = await cli('import', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('contact_email');
    expect(run.stderr).toContain('Did you mean "E-mail addr"?');
    expect(existsSync(join(dir, 'bad-header.results.csv'))).toBe(false);
    const germany = await cli('import', file.replace('bad-header', 'dry'), '--cloud', 'germany');
    expect(germany.code).toBe(2);
    expect(germany.stderr).toContain('moved to the global cloud');
    const missing = await cli('import', join(dir, 'nope.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  }, 120_000);
});
