import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

/**
 * Child process of benchmark 2: streams one CSV file through the shared reader and validator
 * (or, with `--papa`, through a bare Papa.parse stream, the floor) and prints one JSON line:
 * rows, elapsed ms, ms at every 100 000 rows, and peak RSS. Run alone so that its RSS is the
 * reader's, not the benchmark runner's. With `--cli-modules` it first loads what `pc-onboard
 * import` loads (the CLI, the import command, the runtime: Redis, BullMQ, the worker), so that
 * the RSS includes them as it does for a user.
 *
 * Usage: node [heap flags] bench/stream-child.ts <file.csv> [--papa | --cli-modules]
 */
const path = process.argv[2];
if (!path) {
  console.error('Usage: node [heap flags] bench/stream-child.ts <file.csv> [--papa | --cli-modules]');
  process.exit(2);
}
const bare = process.argv.includes('--papa');
const started = performance.now();
let rows = 0;
let valid = 0;
const splits: number[] = [];
const count = () => {
  rows++;
  if (rows % 100_000 === 0) splits.push(Math.round(performance.now() - started));
};
if (bare) {
  await new Promise<void>((resolve, reject) => {
    const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {});
    parser.on('data', count);
    parser.on('end', () => resolve());
    parser.on('error', reject);
    createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(parser);
  });
  rows--; // the header line
} else {
  if (process.argv.includes('--cli-modules')) {
    // Module graphs only: nothing is started (main.ts is what runs the CLI).
    await Promise.all([import('../worker/cli/run-cli.ts'), import('../worker/cli/commands/import-command.ts'), import('../worker/cli/open-cli-runtime.ts')]);
  }
  // Loaded only here, so that the --papa run's RSS does not include the reader's modules.
  const { openCustomerCsv } = await import('../shared/csv/open-customer-csv.ts');
  const csv = await openCustomerCsv(createReadStream(path, { highWaterMark: 256 * 1024 }), { now: new Date('2026-11-25T12:00:00Z') });
  for await (const row of csv.rows()) {
    count();
    if (row.outcome.ok) valid++;
  }
}
const elapsedMs = performance.now() - started;
// maxRSS is in kilobytes (getrusage).
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ rows, valid, elapsedMs: Math.round(elapsedMs), splits, peakRssMb: Math.round(peakRssMb) }));
