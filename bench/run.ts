import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';
import type { BenchLine, BenchReport } from './bench-result.ts';

/**
 * `npm run bench [-- <name>...]`: measures every benchmark side by side in one run, prints a
 * table (measured, goal, met, how to reproduce) and writes `bench/results/<timestamp>.json` and
 * `bench/results/latest.json`. Names: reader, stream, queue, limit, extension.
 */
// Each bench is imported only when it runs, so one bench's imports cannot slow another: loading
// the worker stack (ioredis) before the reader bench slowed both the reader and bare Papa.parse by
// 25–30 % in this process (V8 loses a string fast path).
const BENCHES: Record<string, { title: string; run: () => Promise<BenchLine[]> }> = {
  reader: { title: 'parse + map + validate 100 000 rows vs Papa.parse', run: async () => (await import('./reader-bench.ts')).runReaderBench() },
  stream: { title: '1 000 000 rows streamed: peak RSS and linearity', run: async () => (await import('./stream-bench.ts')).runStreamBench() },
  queue: { title: 'BullMQ pipeline vs bare promise pool', run: async () => (await import('./queue-bench.ts')).runQueueBench() },
  limit: { title: 'running at the sandbox rate limit', run: async () => (await import('./limit-bench.ts')).runLimitBench() },
  extension: { title: 'fill time per wizard version in Chromium, bundle sizes', run: async () => (await import('./extension-bench.ts')).runExtensionBench() },
};

const requested = process.argv.slice(2).filter((arg) => arg !== '--');
const unknown = requested.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}. Choose from: ${Object.keys(BENCHES).join(', ')} (or none for all).`);
  process.exit(2);
}
const selected = requested.length > 0 ? requested : Object.keys(BENCHES);

const report: BenchReport = {
  startedAt: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}`, totalMemoryMb: Math.round(totalmem() / 1024 / 1024), loadAverage1m: Math.round(loadavg()[0]! * 100) / 100 },
  lines: [],
  errors: [],
};

for (const name of selected) {
  const bench = BENCHES[name]!;
  console.error(`▶ ${name}: ${bench.title}…`);
  const started = performance.now();
  try {
    report.lines.push(...(await bench.run()).map((line) => ({ ...line, measuredAt: report.startedAt })));
    console.error(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    report.errors.push({ bench: name, error: message });
    console.error(`  failed: ${message}`);
  }
}

const table = new Table({ head: ['bench', 'metric', 'measured', 'goal', 'met', 'reproduce'], wordWrap: true, colWidths: [11, 48, 14, 16, 6, 28], style: { head: [], border: [] } });
for (const line of report.lines) {
  table.push([line.bench, line.note ? `${line.metric}\n(${line.note})` : line.metric, `${line.value} ${line.unit}`, line.goal ?? '', line.met === undefined ? '' : line.met ? 'yes' : 'NO', line.command]);
}
console.log(table.toString());
const withGoal = report.lines.filter((line) => line.met !== undefined);
console.log(`Goals met: ${withGoal.filter((line) => line.met).length} of ${withGoal.length}${withGoal.some((line) => !line.met) ? ` (missed: ${withGoal.filter((line) => !line.met).map((line) => `${line.bench}: ${line.metric}`).join('; ')})` : ''}.`);
console.log(`Machine: ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}, load average ${report.machine.loadAverage1m} at the start.`);
for (const { bench, error } of report.errors) console.log(`${bench}: could not run: ${error}`);

const resultsDir = join(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });
const stamp = report.startedAt.replaceAll(':', '-').replace(/\.\d+Z$/, 'Z');
writeFileSync(join(resultsDir, `${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
// latest.json keeps the newest figures of every benchmark: a run of one benchmark replaces only its lines.
const latestPath = join(resultsDir, 'latest.json');
const previous: BenchReport | undefined = existsSync(latestPath) ? (JSON.parse(readFileSync(latestPath, 'utf8')) as BenchReport) : undefined;
const latest: BenchReport = {
  ...report,
  lines: [...(previous?.lines ?? []).filter((line) => !selected.includes(line.bench)), ...report.lines],
  errors: [...(previous?.errors ?? []).filter((error) => !selected.includes(error.bench)), ...report.errors],
};
writeFileSync(latestPath, `${JSON.stringify(latest, null, 2)}\n`);
console.log(`Written to bench/results/${stamp}.json and bench/results/latest.json`);
// Redis connections and the browser are closed by each benchmark; exit even if a library keeps a timer.
process.exit(report.errors.length > 0 ? 1 : 0);
