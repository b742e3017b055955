import Papa from 'papaparse';
import { openCustomerCsv } from '../shared/csv/open-customer-csv.ts';
import { round, type BenchLine } from './bench-result.ts';
import { generateCustomerCsvText } from './generate-customer-csv.ts';
import { runPeerPipeline } from './peer-pipeline.ts';

const ROWS = 100_000;
const CHUNK_BYTES = 256 * 1024;
const RUNS = 5;
// A fixed "now" for the MCA date rule: 2026-11-25, the day these benchmarks were written.
const NOW = new Date('2026-11-25T12:00:00Z');

async function* chunksOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) yield bytes.subarray(start, start + CHUNK_BYTES);
}

/** Decode + tokenize + map header + validate every row with the shared reader; returns ms. */
async function timeSharedReader(bytes: Uint8Array): Promise<{ ms: number; rows: number; valid: number }> {
  const started = performance.now();
  const csv = await openCustomerCsv(chunksOf(bytes), { now: NOW });
  let rows = 0;
  let valid = 0;
  for await (const row of csv.rows()) {
    rows++;
    if (row.outcome.ok) valid++;
  }
  return { ms: performance.now() - started, rows, valid };
}

/** A bare `Papa.parse` of the same text (no decoding, no validation): the floor. */
function timePapa(bytes: Uint8Array): { ms: number; rows: number } {
  const started = performance.now();
  const text = new TextDecoder().decode(bytes);
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true });
  return { ms: performance.now() - started, rows: parsed.data.length - 1 };
}

/** The peer pipeline (Papa.parse `header: true` + a zod schema per row) on the same bytes. */
function timePeer(bytes: Uint8Array): { ms: number; rows: number; valid: number } {
  const started = performance.now();
  const result = runPeerPipeline(new TextDecoder().decode(bytes));
  return { ms: performance.now() - started, ...result };
}

/**
 * Benchmark 1: 100 000 generated rows through the shared reader (decode, tokenize, map, validate)
 * vs a bare Papa.parse of the same bytes (the floor) and vs the peer pipeline a developer would
 * write (Papa.parse `header: true` + zod). Best of 5 runs each after a warm-up, in one process.
 */
export async function runReaderBench(): Promise<BenchLine[]> {
  const bytes = new TextEncoder().encode(generateCustomerCsvText(ROWS));
  // One untimed pass of each: JIT, country tables and phone metadata are warm before timing.
  await timeSharedReader(bytes);
  timePapa(bytes);
  timePeer(bytes);
  let ours = Number.POSITIVE_INFINITY;
  let papa = Number.POSITIVE_INFINITY;
  let peer = Number.POSITIVE_INFINITY;
  let peerValid = 0;
  let counted = { rows: 0, valid: 0 };
  for (let run = 0; run < RUNS; run++) {
    const result = await timeSharedReader(bytes);
    counted = result;
    ours = Math.min(ours, result.ms);
    const bare = timePapa(bytes);
    if (bare.rows !== result.rows) throw new Error(`Papa.parse saw ${bare.rows} rows but the reader ${result.rows}.`);
    papa = Math.min(papa, bare.ms);
    const peerRun = timePeer(bytes);
    if (peerRun.rows !== result.rows) throw new Error(`The peer pipeline saw ${peerRun.rows} rows but the reader ${result.rows}.`);
    // Same rules, same verdicts: otherwise the two rates would not compare the same work.
    if (peerRun.valid !== result.valid) throw new Error(`The peer pipeline found ${peerRun.valid} valid rows but the reader ${result.valid}: their rules differ.`);
    peer = Math.min(peer, peerRun.ms);
    peerValid = peerRun.valid;
  }
  const command = 'npm run bench -- reader';
  const oursRate = (ROWS / ours) * 1000;
  const papaRate = (ROWS / papa) * 1000;
  const ratio = ours / papa;
  const peerRate = (ROWS / peer) * 1000;
  const versusPeer = oursRate / peerRate;
  return [
    { bench: 'reader', metric: `shared reader + validator, ${ROWS} rows (${counted.valid} valid)`, value: Math.round(oursRate), unit: 'rows/s', goal: '≥ 200000', met: oursRate >= 200_000, command },
    { bench: 'reader', metric: 'bare Papa.parse, same bytes', value: Math.round(papaRate), unit: 'rows/s', command },
    { bench: 'reader', metric: 'time ratio reader / Papa.parse', value: round(ratio), unit: '×', goal: '≤ 2', met: ratio <= 2, command },
    { bench: 'reader', metric: `peer pipeline: Papa.parse header: true + zod schema (${peerValid} valid)`, value: Math.round(peerRate), unit: 'rows/s', command },
    { bench: 'reader', metric: 'shared reader rows/s / peer rows/s', value: round(versusPeer), unit: '×', goal: '≥ 1.5', met: versusPeer >= 1.5, command },
  ];
}
