import { randomUUID } from 'node:crypto';
import { buildCustomerCsv, validRow } from '../test/support/worker/build-customer-csv.ts';
import { MCA_ACCEPTED, TEST_OFFERS } from '../test/support/worker/test-offers.ts';
import { startTestPipeline } from '../test/support/worker/start-test-pipeline.ts';
import { round, type BenchLine } from './bench-result.ts';

/**
 * Partner Center's budget scaled down in time: B = 300 requests per 3 s (100 a second, 12 × the
 * real 500 a minute), so 1 000 customers take about a minute instead of fourteen. A short window
 * with a small B keeps the last window's burst (B calls at the workers' own speed) a small part
 * of the run.
 */
const BUDGET = 300;
const WINDOW_MS = 3_000;
const ROWS = 1_000;
const CONCURRENCY = 16;
const LATENCY_MS = 20;

/** What the sandbox answered, seen by the client's fetch: served calls, 429s, each call's latency and send time. */
interface Tally {
  served: number;
  throttled: number;
  latencyMs: number[];
  sentAt: number[];
}

function countingFetch(tally: Tally): typeof fetch {
  return async (input, init) => {
    const started = performance.now();
    tally.sentAt.push(started);
    const response = await fetch(input, init);
    tally.latencyMs.push(performance.now() - started);
    if (response.status === 429) tally.throttled++;
    else tally.served++;
    return response;
  };
}

/** One import of ROWS customers (offer, term, MCA: about 6 calls each) with `workers` workers. */
async function runImport(workers: number) {
  const tally: Tally = { served: 0, throttled: 0, latencyMs: [], sentAt: [] };
  const pipeline = await startTestPipeline({
    sandbox: { rateLimit: { capacity: BUDGET, refillPerSecond: BUDGET / (WINDOW_MS / 1000) }, faults: { latencyMs: LATENCY_MS } },
    budget: { requests: BUDGET, windowMs: WINDOW_MS },
    worker: { concurrency: CONCURRENCY },
    maxAttempts: 5,
    fetch: countingFetch(tally),
    noWorker: true,
  });
  try {
    for (let worker = 0; worker < workers; worker++) pipeline.startRowWorker();
    const tag = randomUUID().slice(0, 6);
    const rows = Array.from({ length: ROWS }, (_, index) => validRow(`l${tag}${index}`, { Offers: TEST_OFFERS.m365Basic, Term: 'P1Y', 'Billing cycle': 'annual', ...MCA_ACCEPTED }));
    const started = performance.now();
    const summary = await pipeline.importCsv(buildCustomerCsv(rows));
    const settled = await pipeline.waitUntilSettled(summary.id, 600_000);
    const wallMs = performance.now() - started;
    const calls = tally.served + tally.throttled;
    const sorted = [...tally.latencyMs].sort((a, b) => a - b);
    const medianLatencyMs = sorted[Math.floor(sorted.length / 2)] ?? 0;
    // The fastest any client could finish: the calls beyond the first window's B at B per window,
    // then the last answer's own latency.
    const minimumMs = (Math.max(0, calls - BUDGET) / BUDGET) * WINDOW_MS + medianLatencyMs;
    // Where the time went: before the first call (the import being created and queued), the first
    // window's B calls (the pipeline's own speed), then the budget (B per window).
    const firstCallMs = (tally.sentAt[0] ?? started) - started;
    const firstBudgetMs = (tally.sentAt[BUDGET - 1] ?? started) - started;
    return { wallMs, minimumMs, calls, tally, settled, firstCallMs, firstBudgetMs, failed: settled.counts.failed + settled.counts.invalid };
  } finally {
    await pipeline.close();
  }
}

/**
 * Benchmark 4: running at the limit. The sandbox's token bucket (capacity B, refilled B per
 * window) is the budget the workers are configured with; 1 000 customers with one and with two
 * workers. Goal: wall time ≤ 1.05 × the minimum any client could reach, no 429, no row failed.
 */
export async function runLimitBench(): Promise<BenchLine[]> {
  const command = 'npm run bench -- limit';
  const lines: BenchLine[] = [];
  for (const workers of [1, 2]) {
    const run = await runImport(workers);
    const ratio = run.wallMs / run.minimumMs;
    const who = workers === 1 ? 'one worker' : `${workers} workers`;
    lines.push(
      {
        bench: 'limit',
        metric: `${ROWS} customers, ${who}: wall time / minimum under B = ${BUDGET} per ${WINDOW_MS / 1000} s`,
        value: round(ratio),
        unit: '×',
        goal: '≤ 1.05',
        met: ratio <= 1.05,
        command,
        note: `${(run.wallMs / 1000).toFixed(1)} s for ${run.calls} calls; minimum ${(run.minimumMs / 1000).toFixed(1)} s = (${run.calls} − ${BUDGET}) / (${BUDGET} per ${WINDOW_MS / 1000} s) + one answer's latency; first call after ${(run.firstCallMs / 1000).toFixed(1)} s, the first ${BUDGET} sent by ${(run.firstBudgetMs / 1000).toFixed(1)} s; ${run.settled.counts.created} created`,
      },
      { bench: 'limit', metric: `calls answered 429, ${who}`, value: run.tally.throttled, unit: 'calls', goal: '0', met: run.tally.throttled === 0, command },
      { bench: 'limit', metric: `rows failed, ${who}`, value: run.failed, unit: 'rows', goal: '0', met: run.failed === 0, command },
    );
  }
  return lines;
}
