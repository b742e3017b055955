import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { heapFlagsFor } from '../bin/heap-flags.mjs';
import { round, type BenchLine } from './bench-result.ts';
import { writeCustomerCsvFile } from './generate-customer-csv.ts';

const run = promisify(execFile);
const SMALL = 100_000;
const LARGE = 1_000_000;

interface ChildReport {
  rows: number;
  valid: number;
  elapsedMs: number;
  splits: number[];
  peakRssMb: number;
}

/** The heap flags `bin/pc-onboard.mjs` starts `pc-onboard import` with (a NODE_OPTIONS heap size of the runner's environment included, as for a user). */
const IMPORT_HEAP_FLAGS = heapFlagsFor('import', process.env.NODE_OPTIONS);

async function streamInChild(path: string, flags: string[] = [], nodeFlags: string[] = []): Promise<ChildReport> {
  const child = join(import.meta.dirname, 'stream-child.ts');
  // process.execPath is Node 24 when the runner itself was started by npm/npx.
  const { stdout } = await run(process.execPath, [...nodeFlags, child, path, ...flags], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildReport;
}

/**
 * Benchmark 2: a 1 000 000-row file (and a 100 000-row one) streamed from disk through the
 * shared reader and validator, each in its own child process. The memory goal is measured as a
 * user runs an import: the child gets the heap flags the installed command applies and loads the
 * CLI's modules first (the higher peak RSS of two runs). Context: the same with V8's default heap
 * and no CLI modules (best of two, also the time per 100 000 rows), and a bare Papa.parse stream.
 */
export async function runStreamBench(): Promise<BenchLine[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pco-bench-stream-'));
  try {
    const small = join(dir, 'customers-100k.csv');
    const large = join(dir, 'customers-1m.csv');
    await writeCustomerCsvFile(small, SMALL);
    await writeCustomerCsvFile(large, LARGE);
    const sizeMb = statSync(large).size / 1024 / 1024;
    // Best of two runs each: the machine is shared, and a busy neighbour only ever slows a run down.
    const faster = (a: ChildReport, b: ChildReport) => (a.elapsedMs <= b.elapsedMs ? a : b);
    const smallRun = faster(await streamInChild(small), await streamInChild(small));
    const largeRuns = [await streamInChild(large), await streamInChild(large)];
    const largeRun = { ...faster(largeRuns[0]!, largeRuns[1]!), peakRssMb: Math.max(largeRuns[0]!.peakRssMb, largeRuns[1]!.peakRssMb) };
    if (largeRun.rows !== LARGE) throw new Error(`The reader saw ${largeRun.rows} rows of ${LARGE}.`);
    const papaRun = await streamInChild(large, ['--papa']);
    const asImportRuns = [await streamInChild(large, ['--cli-modules'], IMPORT_HEAP_FLAGS), await streamInChild(large, ['--cli-modules'], IMPORT_HEAP_FLAGS)];
    const asImport = { ...faster(asImportRuns[0]!, asImportRuns[1]!), peakRssMb: Math.max(asImportRuns[0]!.peakRssMb, asImportRuns[1]!.peakRssMb) };
    if (asImport.rows !== LARGE) throw new Error(`The reader saw ${asImport.rows} rows of ${LARGE} with the import's heap flags.`);
    const perSmall = smallRun.elapsedMs / (SMALL / 100_000);
    const perLarge = largeRun.elapsedMs / (LARGE / 100_000);
    const growth = perLarge / perSmall;
    const lastTenth = largeRun.splits.at(-1)! - largeRun.splits.at(-2)!;
    const firstTenth = largeRun.splits[0]!;
    const command = 'npm run bench -- stream';
    return [
      {
        bench: 'stream',
        metric: `peak RSS streaming ${LARGE} rows (${round(sizeMb, 0)} MB file) as pc-onboard import runs: node ${IMPORT_HEAP_FLAGS.join(' ')} (the launcher's), CLI modules loaded`,
        value: asImport.peakRssMb,
        unit: 'MB',
        goal: '≤ 200',
        met: asImport.peakRssMb <= 200,
        command,
        note: `higher of two runs; ${asImport.elapsedMs} ms for the 1 M rows (default heap, reader alone: ${largeRun.elapsedMs} ms)`,
      },
      { bench: 'stream', metric: `peak RSS streaming ${LARGE} rows, reader alone, V8's default heap (no launcher)`, value: largeRun.peakRssMb, unit: 'MB', command },
      { bench: 'stream', metric: `peak RSS of a bare Papa.parse stream of the same ${LARGE} rows (the floor)`, value: papaRun.peakRssMb, unit: 'MB', command, note: `${papaRun.elapsedMs} ms` },
      { bench: 'stream', metric: `peak RSS streaming ${SMALL} rows`, value: smallRun.peakRssMb, unit: 'MB', command },
      { bench: 'stream', metric: 'ms per 100 000 rows in a 100 000-row file', value: Math.round(perSmall), unit: 'ms', command },
      { bench: 'stream', metric: 'ms per 100 000 rows in a 1 000 000-row file', value: Math.round(perLarge), unit: 'ms', command },
      {
        bench: 'stream',
        metric: 'per-row time ratio 1 M / 100 k (linear = 1)',
        value: round(growth),
        unit: '×',
        goal: '≤ 1.25 (linear)',
        met: growth <= 1.25,
        command,
        note: `first 100 k of the 1 M file took ${firstTenth} ms, the last ${lastTenth} ms`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
