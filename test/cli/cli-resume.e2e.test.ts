import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox.ts';
import { deleteKeys, TEST_REDIS_URL } from '../support/redis/with-redis.ts';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../support/worker/build-customer-csv.ts';
import { runCliOnPty } from '../support/cli/run-cli-on-pty.ts';
import { spawnCli } from '../support/cli/spawn-cli.ts';
import { cliTestEnv } from '../support/cli/cli-test-env.ts';

interface SandboxStats {
  creationsPerDomain: Record<string, number>;
  callsPerEndpoint: Record<string, number>;
}

/** The bar's empty-cell glyph: once seen after "Cancelling", the bar was drawn over the lines below it. */
const BAR_GLYPH = '\u2591';

describe('the second day: Ctrl+C, re-running a file, resume, retry and results (CLI on a terminal, real Redis, sandbox)', () => {
  const prefix = `test-${randomUUID()}`;
  const sandboxToken = `test-${randomUUID()}`;
  const dir = mkdtempSync(join(tmpdir(), 'pc-onboard-resume-e2e-'));
  let sandbox: RunningSandbox;
  let redis: Redis;
  let env: Record<string, string>;

  const stats = async () => (await (await fetch(`${sandbox.url}/_sandbox/stats`)).json()) as SandboxStats;
  const setFaults = (faults: Record<string, number>) =>
    fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(faults) });
  const writeCsv = (name: string, domains: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, buildCustomerCsv(domains.map((domain) => validRow(domain))));
    return path;
  };
  const creations = (all: SandboxStats, stem: string) => Object.entries(all.creationsPerDomain).filter(([domain]) => domain.startsWith(stem));

  beforeAll(async () => {
    sandbox = await startSandbox({ testToken: sandboxToken });
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    env = cliTestEnv(
      { prefix, dataDir: join(dir, 'data'), sandbox: { url: sandbox.url, token: sandboxToken } },
      // Rows left running by a process that left at once are picked up again after PC_ONBOARD_LOCK_SECONDS.
      { PC_ONBOARD_CONCURRENCY: '2', PC_ONBOARD_RATE_LIMIT_PER_MINUTE: '100000', PC_ONBOARD_LOCK_SECONDS: '5' },
    );
  });

  afterAll(async () => {
    await deleteKeys(redis, `${prefix}*`);
    await redis.quit();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should end cleanly on Ctrl+C and say how to resume; the same file run again as a new import makes no call for the customers made, and keeps the first results file', async () => {
    await setFaults({ latencyMs: 100 });
    const file = writeCsv('customers.csv', Array.from({ length: 30 }, (_, index) => `rsa${index + 1}`));
    const first = runCliOnPty(['import', file], env);
    await first.waitFor(/created [2-9]/);
    first.type('\x03');
    expect(await first.exited).toBe(1);
    const screen = first.output();
    const importId = /^Import (\S+) of customers\.csv/m.exec(screen)?.[1] ?? '';
    expect(importId).not.toBe('');
    // The bar ended on its own line; nothing is drawn over "Cancelling…" or the summary below it.
    expect(screen).toMatch(/\r\nCancelling: queued rows end "skipped"[^\r\n]*\r\nImport \S+ of customers\.csv\r\n/);
    expect(screen.slice(screen.indexOf('Cancelling'))).not.toContain(BAR_GLYPH);
    expect(screen).toContain(`pc-onboard resume ${importId}`);
    expect(screen).toContain(`Results: ${join(dir, 'customers.results.csv')}`);

    const firstResultsBytes = readFileSync(join(dir, 'customers.results.csv'));
    const firstResults = parseResultsCsv(firstResultsBytes.toString('utf8'));
    const createdFirst = firstResults.filter((row) => row.pc_status === 'created');
    const skippedFirst = firstResults.filter((row) => row.pc_status === 'skipped');
    expect(createdFirst.length).toBeGreaterThanOrEqual(2);
    expect(skippedFirst.length).toBeGreaterThan(0);
    expect(createdFirst.length + skippedFirst.length).toBe(30);
    // The rows that did not run are in a file of their own, to import again as it is.
    const skippedFile = parseResultsCsv(readFileSync(join(dir, 'customers.skipped.csv'), 'utf8'));
    expect(skippedFile.map((row) => row['CRM id'])).toEqual(skippedFirst.map((row) => row['CRM id']));

    const createsBefore = (await stats()).callsPerEndpoint['POST /v1/customers'] ?? 0;
    const second = runCliOnPty(['import', file], env);
    await second.waitFor(/Continue that import\?/);
    expect(second.output()).toContain(`import ${importId}`);
    second.type('n\r');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain(`Results: ${join(dir, 'customers.results-2.csv')}`);

    const rerun = parseResultsCsv(readFileSync(join(dir, 'customers.results-2.csv'), 'utf8'));
    expect(rerun.every((row) => row.pc_status === 'created')).toBe(true);
    for (const earlier of createdFirst) {
      const again = rerun.find((row) => row.pc_row === earlier.pc_row)!;
      expect(again.pc_customer_id).toBe(earlier.pc_customer_id);
      expect(again.pc_admin_user).toBe(earlier.pc_admin_user);
      expect(again.pc_note).toContain(`import ${importId} (customers.csv, row ${earlier.pc_row})`);
      expect(again.pc_relationship_url).toBe('');
    }
    // Only the rows that never ran were created now; the first results file is as it was.
    expect((await stats()).callsPerEndpoint['POST /v1/customers']).toBe(createsBefore + skippedFirst.length);
    expect(creations(await stats(), 'rsa').every(([, count]) => count === 1)).toBe(true);
    expect(readFileSync(join(dir, 'customers.results.csv')).equals(firstResultsBytes)).toBe(true);
  }, 180_000);

  it('should leave at once on a second Ctrl+C with the import safe in Redis; without a terminal a re-run says how to resume; resume finishes it, creating nothing twice', async () => {
    // Slow calls: rows are still running when the second Ctrl+C comes.
    await setFaults({ latencyMs: 600 });
    const file = writeCsv('second.csv', Array.from({ length: 12 }, (_, index) => `rsb${index + 1}`));
    const run = runCliOnPty(['import', file], env);
    await run.waitFor(/created [1-9]/);
    run.type('\x03');
    await run.waitFor(/Cancelling/);
    const secondAt = Date.now();
    run.type('\x03');
    expect(await run.exited).toBe(130);
    // Two rows were running with several 600 ms calls each left: leaving did not wait for them.
    expect(Date.now() - secondAt).toBeLessThan(1500);
    const screen = run.output();
    const importId = /pc-onboard resume (\S+)/.exec(screen)?.[1] ?? '';
    expect(screen).toContain('Left without waiting');
    expect(screen).toContain(`pc-onboard results ${importId}`);
    expect(await redis.hget(`${prefix}:import:${importId}`, 'fileName')).toBe('second.csv');

    await setFaults({ latencyMs: 0 });
    const piped = await spawnCli(['import', file], env, { direct: true });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain(`second.csv was imported before (import ${importId}`);
    expect(piped.stderr).toContain('--resume');
    expect(piped.stderr).toContain(`pc-onboard resume ${importId}`);
    expect(piped.stderr).toContain('--new');

    const resumed = await spawnCli(['resume', importId, '--json'], env, { direct: true });
    expect(resumed.code, resumed.stderr).toBe(0);
    const report = JSON.parse(resumed.stdout);
    expect(report).toMatchObject({ importId, counts: { created: 12, skipped: 0, pending: 0 }, cancelled: false });
    expect(report.resultsFile).toBe(join(dir, 'second.results.csv'));
    const results = parseResultsCsv(readFileSync(report.resultsFile, 'utf8'));
    expect(results.map((row) => row.pc_status)).toEqual(Array(12).fill('created'));
    const made = creations(await stats(), 'rsb');
    expect(made).toHaveLength(12);
    expect(made.every(([, count]) => count === 1)).toBe(true);
  }, 180_000);

  it('should continue the same import when the same file runs again and the user presses Enter at the question', async () => {
    await setFaults({ latencyMs: 100 });
    const file = writeCsv('yes.csv', Array.from({ length: 16 }, (_, index) => `rse${index + 1}`));
    const first = runCliOnPty(['import', file], env);
    await first.waitFor(/created [1-9]/);
    first.type('\x03');
    expect(await first.exited).toBe(1);
    const importId = /pc-onboard resume (\S+)/.exec(first.output())?.[1] ?? '';
    await setFaults({ latencyMs: 0 });

    const again = runCliOnPty(['import', file, '--lang', 'en'], env);
    await again.waitFor(/Continue that import\?/);
    again.type('\r');
    expect(await again.exited).toBe(0);
    expect(again.output()).toContain(`Continuing import ${importId}`);
    expect(again.output()).toContain(`Import ${importId} of yes.csv`);
    const results = parseResultsCsv(readFileSync(join(dir, 'yes.results-2.csv'), 'utf8'));
    expect(results.map((row) => row.pc_status)).toEqual(Array(16).fill('created'));
    // Continued, not re-imported: no row needed the ledger's note.
    expect(results.every((row) => row.pc_note === '')).toBe(true);
    const made = creations(await stats(), 'rse');
    expect(made).toHaveLength(16);
    expect(made.every(([, count]) => count === 1)).toBe(true);
  }, 180_000);

  it('should show the retried rows as created in fresh files with a Results line, and exit 0 with a message when nothing is left to retry', async () => {
    const file = join(dir, 'retry.csv');
    writeFileSync(file, buildCustomerCsv([validRow('rsc1'), validRow('rsc2'), validRow('rsc3', { Email: 'not-an-email' })]));
    await setFaults({ errorRate: 1 });
    const failing = await spawnCli(['import', file, '--json'], { ...env, PC_ONBOARD_MAX_ATTEMPTS: '1' }, { direct: true });
    await setFaults({ errorRate: 0 });
    expect(failing.code).toBe(1);
    const first = JSON.parse(failing.stdout);
    expect(first.counts).toMatchObject({ failed: 2, invalid: 1 });

    const retry = await spawnCli(['retry', first.importId], env, { direct: true });
    expect(retry.code, retry.stderr).toBe(1);
    expect(retry.stdout).toContain(`Results: ${join(dir, 'retry.results-2.csv')}`);
    expect(retry.stdout).toContain(`Rows to fix (re-import this file once fixed): ${join(dir, 'retry.failed-2.csv')}`);
    const fresh = parseResultsCsv(readFileSync(join(dir, 'retry.results-2.csv'), 'utf8'));
    expect(fresh.map((row) => row.pc_status)).toEqual(['created', 'created', 'invalid']);
    expect(fresh[0]!.pc_customer_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh[1]!.pc_admin_user).toBe('admin@rsc2.onmicrosoft.com');
    expect(parseResultsCsv(readFileSync(join(dir, 'retry.failed-2.csv'), 'utf8')).map((row) => row['CRM id'])).toEqual(['crm-rsc3']);
    // The earlier files are kept as they were.
    expect(parseResultsCsv(readFileSync(join(dir, 'retry.results.csv'), 'utf8')).map((row) => row.pc_status)).toEqual(['failed', 'failed', 'invalid']);

    const nothing = await spawnCli(['retry', first.importId], env, { direct: true });
    expect(nothing.code).toBe(0);
    expect(nothing.stderr).toContain(`Nothing to retry: no row of import ${first.importId} ended "failed"`);
    expect(nothing.stdout).toBe('');
  }, 180_000);

  it('should write the files of an import again at any time, next to the imported file, never over one', async () => {
    const imported = await spawnCli(['import', writeCsv('again.csv', ['rsd1', 'rsd2']), '--json'], env, { direct: true });
    expect(imported.code, imported.stderr).toBe(0);
    const { importId } = JSON.parse(imported.stdout);
    const again = await spawnCli(['results', importId], env, { direct: true });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.trim()).toBe(`Results: ${join(dir, 'again.results-2.csv')}`);
    const missing = await spawnCli(['results', importId, '--dir', join(dir, 'missing-folder')], env, { direct: true });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`the folder ${join(dir, 'missing-folder')} does not exist`);
    const byPath = (path: string) => parseResultsCsv(readFileSync(path, 'utf8')).map((row) => [row.pc_status, row.pc_customer_id]);
    expect(byPath(join(dir, 'again.results-2.csv'))).toEqual(byPath(join(dir, 'again.results.csv')));
    const unknown = await spawnCli(['results', 'no-such-import'], env, { direct: true });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No import has the id "no-such-import"');
  }, 120_000);
});
