import { createReadStream } from 'node:fs';
import { openCustomerCsv } from '../shared/csv/open-customer-csv.ts';

/**
 * Child process of benchmark 2: streams one CSV file through the shared reader and validator
 * and prints one JSON line: rows, elapsed ms, ms at every 100 000 rows, and peak RSS. Run alone
 * so that its RSS is the reader's, not the benchmark runner's.
 *
 * Usage: node bench/stream-child.ts <file.csv>
 */
const path = process.argv[2];
if (!path) {
  console.error('Usage: node bench/stream-child.ts <file.csv>');
  process.exit(2);
}
const started = performance.now();
const csv = await openCustomerCsv(createReadStream(path, { highWaterMark: 256 * 1024 }), { now: new Date('2026-11-25T12:00:00Z') });
let rows = 0;
let valid = 0;
const splits: number[] = [];
for await (const row of csv.rows()) {
  rows++;
  if (row.outcome.ok) valid++;
  if (rows % 100_000 === 0) splits.push(Math.round(performance.now() - started));
}
const elapsedMs = performance.now() - started;
// maxRSS is in kilobytes (getrusage).
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ rows, valid, elapsedMs: Math.round(elapsedMs), splits, peakRssMb: Math.round(peakRssMb) }));
