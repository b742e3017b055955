import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { round, type BenchLine } from './bench-result.ts';
import { writeCustomerCsvFile } from './generate-customer-csv.ts';

const LAUNCHER = join(import.meta.dirname, '..', 'bin', 'pc-onboard.mjs');
const COMMAND = 'npm run bench -- bigfile';
/** Row counts measured; `PC_ONBOARD_BENCH_BIG_ROWS=200000` runs one size only (1 M rows take minutes). */
const SIZES = (process.env.PC_ONBOARD_BENCH_BIG_ROWS ?? '200000,1000000').split(',').map(Number);

interface BigFileRun {
  rows: number;
  fileMb: number;
  firstProgressMs: number;
  queuedMs: number;
  cancelMs: number;
  /** From the command's start to its answer (the rows skipped), before it closes its connections. */
  answeredMs: number;
  cancelled: number;
  /** Rows whose status reads back `skipped` from Redis once the cancel returned. */
  readBackSkipped: number;
  /** Jobs in the queue once every row was read (the feeder's window). */
  queuedJobs: number;
  peakRssMb: number;
  redisBytesPerRow: number;
}

/**
 * Benchmark 6: a big file imported as a user runs it (`pc-onboard import`, through the installed
 * command with its heap settings) against a redis-server of its own: time to the first progress
 * line, Redis bytes per row once every row is read (only a window of them has a job), then
 * `pc-onboard cancel` of the pending rows (the cancel command's wall time, start-up included, and
 * the skipped rows read back from Redis), and the CLI's peak RSS over the whole run.
 */
export async function runBigFileBench(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  for (const rows of SIZES) {
    const run = await measureBigFile(rows);
    const size = `${rows.toLocaleString('en-US')} rows (${round(run.fileMb, 0)} MB)`;
    lines.push(
      { bench: 'bigfile', metric: `time to the first progress line reading ${size}`, value: round(run.firstProgressMs / 1000, 1), unit: 's', goal: '≤ 2', met: run.firstProgressMs <= 2000, command: COMMAND, note: `every row read after ${round(run.queuedMs / 1000, 0)} s` },
      { bench: 'bigfile', metric: `cancel of ${run.cancelled.toLocaleString('en-US')} pending rows (pc-onboard cancel, wall time, start-up included)`, value: round(run.cancelMs / 1000, 1), unit: 's', goal: '≤ 5', met: run.cancelMs <= 5_000, command: COMMAND, note: `answered after ${round(run.answeredMs / 1000, 1)} s; rows read back skipped from Redis afterwards: ${run.readBackSkipped.toLocaleString('en-US')}` },
      { bench: 'bigfile', metric: `CLI peak RSS, import of ${size} (read, queue, cancel, results)`, value: Math.round(run.peakRssMb), unit: 'MB', goal: '≤ 200', met: run.peakRssMb <= 200, command: COMMAND },
      { bench: 'bigfile', metric: `Redis bytes per row once ${size} are read`, value: Math.round(run.redisBytesPerRow), unit: 'B', goal: 'stated', met: true, command: COMMAND, note: `state, original cells, validated record and status index of each row; BullMQ jobs only for the window (${run.queuedJobs.toLocaleString('en-US')} queued)` },
    );
  }
  return lines;
}

async function measureBigFile(rows: number): Promise<BigFileRun> {
  const dir = mkdtempSync(join(tmpdir(), 'pco-bench-bigfile-'));
  const redis = await startRedis(dir);
  const client = new Redis(redis.url, { maxRetriesPerRequest: null });
  try {
    const file = join(dir, 'customers.csv');
    await writeCustomerCsvFile(file, rows);
    const baseline = await usedMemory(client);
    const env = { ...process.env, REDIS_URL: redis.url, PC_ONBOARD_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' };
    const started = performance.now();
    // GNU time reports the largest RSS of the launcher and the CLI it runs.
    const importer = spawn('/usr/bin/time', ['-f', 'maxrss_kb %M', process.execPath, LAUNCHER, 'import', file, '--out', join(dir, 'results.csv'), '--failed', join(dir, 'failed.csv')], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stderr = collect(importer);
    const firstProgressMs = (await stderr.waitFor(/rows read \(/)) - started;
    const queuedMs = (await stderr.waitFor(/^progress:/m)) - started;
    const redisBytesPerRow = ((await usedMemory(client)) - baseline) / rows;
    const queuedJobs = await client.llen('pco:rows:wait');
    const [importId] = await client.zrevrange('pco:imports', 0, 0);
    const cancelStarted = performance.now();
    const cancel = spawn(process.execPath, [LAUNCHER, 'cancel', importId!, '--json'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const cancelOut = collect(cancel, 'stdout');
    const answeredMs = (await cancelOut.waitFor(/"skipped"/)) - cancelStarted;
    await new Promise((resolve) => cancel.once('close', resolve));
    const cancelMs = performance.now() - cancelStarted;
    const cancelled = Number((JSON.parse(cancelOut.text()) as { skipped?: number }).skipped ?? 0);
    // The figure is a read-back: the rows' statuses as Redis now holds them, not the command's count.
    const readBackSkipped = await client.zcard(`pco:import:${importId}:status:skipped`);
    await new Promise((resolve) => importer.once('close', resolve));
    const rss = /maxrss_kb (\d+)/.exec(stderr.text());
    if (!rss) throw new Error(`No peak RSS from /usr/bin/time:\n${stderr.text().slice(-2000)}`);
    return { rows, fileMb: statSync(file).size / 1024 / 1024, firstProgressMs, queuedMs, cancelMs, answeredMs, cancelled, readBackSkipped, queuedJobs, peakRssMb: Number(rss[1]) / 1024, redisBytesPerRow };
  } finally {
    client.disconnect();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function collect(child: ChildProcess, stream: 'stdout' | 'stderr' = 'stderr') {
  let text = '';
  const waiters: { pattern: RegExp; resolve: (at: number) => void }[] = [];
  child[stream]!.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const waiter of waiters.splice(0)) {
      if (waiter.pattern.test(text)) waiter.resolve(performance.now());
      else waiters.push(waiter);
    }
  });
  return {
    text: () => text,
    waitFor: (pattern: RegExp) =>
      new Promise<number>((resolve, reject) => {
        if (pattern.test(text)) return resolve(performance.now());
        waiters.push({ pattern, resolve });
        child.once('close', () => reject(new Error(`The CLI ended before printing ${pattern}:\n${text.slice(-2000)}`)));
      }),
  };
}

async function usedMemory(client: Redis): Promise<number> {
  const info = await client.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)![1]);
}

async function startRedis(dir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 10_000; ; ) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    const up = await probe.connect().then(() => probe.ping()).then(() => true, () => false);
    probe.disconnect();
    if (up) break;
    if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
