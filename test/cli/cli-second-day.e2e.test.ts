import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteKeys, TEST_REDIS_URL } from '../support/redis/with-redis.ts';
import { buildCustomerCsv, validRow, TEST_COLUMNS } from '../support/worker/build-customer-csv.ts';
import { spawnCli } from '../support/cli/spawn-cli.ts';
import { cliTestEnv } from '../support/cli/cli-test-env.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LAUNCHER = join(REPO_ROOT, 'bin', 'pc-onboard.mjs');

/** Runs a shell command on a pseudo-terminal (util-linux `script`), as a user at a terminal would; resolves with everything it printed. */
function runOnTerminal(command: string, env: Record<string, string>, timeoutMs = 90_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: REPO_ROOT, env: { ...process.env, ...env, COLUMNS: '160' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`"${command}" did not end within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('the second day with the CLI (child processes, real Redis, the built-in sandbox)', () => {
  const prefix = `test-${randomUUID()}`;
  const dir = mkdtempSync(join(tmpdir(), 'pc-onboard-second-day-'));
  let redis: Redis;
  let env: Record<string, string>;

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    env = cliTestEnv({ prefix, dataDir: join(dir, 'data') }, { PC_ONBOARD_RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'warn' });
  });

  afterAll(async () => {
    await deleteKeys(redis, `${prefix}*`);
    await redis.quit();
    rmSync(dir, { recursive: true, force: true });
  });

  it('--lang ja: progress, table and hints are in Japanese on a terminal', async () => {
    const path = join(dir, 'ja.csv');
    writeFileSync(path, buildCustomerCsv([validRow('seconddayja1'), validRow('seconddayja2', { Email: 'broken' })]));
    const run = await runOnTerminal(`node worker/cli/main.ts import ${path} --lang ja`, env);
    expect(run.code, run.output).toBe(1);
    expect(run.output).toContain('ja.csv を読み込んで確認しています');
    expect(run.output).toMatch(/\d+\/2 行/);
    expect(run.output).toMatch(/状態\s*│\s*行数/);
    expect(run.output).toMatch(/合計\s*│\s*2/);
    expect(run.output).toContain('作成済み (created)');
    expect(run.output).toContain('結果: ');
    expect(run.output).toContain('修正が必要な行');
    expect(run.output).toContain('pc-onboard reveal');
    expect(run.output).toContain('管理者パスワード');
    for (const english of ['rows/s', 'Results:', 'Rows to fix', 'Reading and checking', 'nothing finished yet', 'Admin passwords']) {
      expect(run.output, english).not.toContain(english);
    }
  }, 120_000);

  it('shows rows read and rows/s while a bigger file is read, before any row runs', async () => {
    const path = join(dir, 'bigger.csv');
    writeFileSync(path, buildCustomerCsv(Array.from({ length: 1500 }, (_, index) => validRow(`seconddaybig${index}`))));
    // Only the reading phase matters here: the run is stopped once rows start to finish.
    // A prefix of its own: the rows this stopped run leaves queued must not delay the other tests' imports.
    const run = await spawnCli(['import', path, '--dry-run'], { ...env, PC_ONBOARD_KEY_PREFIX: `${prefix}-big` }, {
      timeoutMs: 180_000,
      direct: true,
      onStderr: (stderr, child) => {
        if (/^progress:/m.test(stderr)) child.kill('SIGKILL');
      },
    });
    const lines = run.stderr.split('\n');
    // The rate is shown once reading has lasted 0.2 s: a quick first batch shows the count alone.
    const firstRead = lines.findIndex((line) => /^Reading and checking bigger\.csv: 500 rows read( \(\d[\d,]* rows\/s\))?$/.test(line));
    const firstProgress = lines.findIndex((line) => line.startsWith('progress:'));
    expect(firstRead, run.stderr).toBeGreaterThanOrEqual(0);
    expect(firstRead).toBeLessThan(firstProgress);
    // Only a window of the rows is queued, at once: no phase of its own between reading and running.
    expect(run.stderr).not.toMatch(/Queueing the valid rows/);
  }, 200_000);

  it('a header-only file is not an error: exit 0, and it says nothing was imported', async () => {
    const path = join(dir, 'header-only.csv');
    writeFileSync(path, `${TEST_COLUMNS.join(',')}\r\n`);
    const run = await spawnCli(['import', path], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no data rows: nothing was imported');
  }, 60_000);

  it('reveal of a row that does not exist says so, not "already revealed"', async () => {
    const path = join(dir, 'one.csv');
    writeFileSync(path, buildCustomerCsv([validRow('seconddayone')]));
    const imported = await spawnCli(['import', path, '--json'], env, { timeoutMs: 180_000 });
    expect(imported.code, imported.stderr).toBe(0);
    const { importId } = JSON.parse(imported.stdout) as { importId: string };
    const missing = await spawnCli(['reveal', importId, '7'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`Import ${importId} has no row 7: its rows are 1 to 1`);
    expect(missing.stderr).not.toContain('already revealed');
  }, 200_000);

  it('help import names files that are in the repository', async () => {
    const run = await spawnCli(['help', 'import'], env);
    expect(run.code).toBe(0);
    const paths = [...run.stdout.matchAll(/\b((?:docs|examples)\/[\w./-]+\.(?:md|csv))/g)].map((match) => match[1]!);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(existsSync(join(REPO_ROOT, path)), path).toBe(true);
  });

  it('the installed command runs from any folder, on the Node of the PATH, without asking a registry', async () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    expect(join(REPO_ROOT, manifest.bin['pc-onboard']!)).toBe(LAUNCHER);
    expect(readFileSync(LAUNCHER, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(manifest.scripts.start).toContain('bin/pc-onboard.mjs');
    // As `npm link` leaves it: a folder of its own, and a PATH without the project's node_modules/.bin.
    const elsewhere = mkdtempSync(join(tmpdir(), 'pc-onboard-elsewhere-'));
    try {
      const path = (process.env.PATH ?? '').split(delimiter).filter((entry) => !entry.includes('node_modules')).join(delimiter);
      const run = await new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(LAUNCHER, ['help', 'import'], { cwd: elsewhere, env: { ...process.env, PATH: path, npm_config_offline: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
        child.once('close', (code) => resolve({ code, out }));
      });
      expect(run.code, run.out).toBe(0);
      expect(run.out).toContain('Usage: pc-onboard import');
      // Nothing was written where it ran: the data directory is the project's.
      expect(existsSync(join(elsewhere, '.data'))).toBe(false);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);
});
