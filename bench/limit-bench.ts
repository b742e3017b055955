import { randomUUID } from 'node:crypto';
import type { PartnerCenterPort } from '../worker/partner-center/partner-center-port.ts';
import { buildCustomerCsv, validRow } from '../test/support/worker/build-customer-csv.ts';
import { startTestPipeline } from '../test/support/worker/start-test-pipeline.ts';
import { round, type BenchLine } from './bench-result.ts';

const LIMIT_PER_SECOND = 20;
const CAPACITY = 5;
const ROWS = 80;
const CONCURRENCY = 4;

/** Counts the calls the sandbox served (not throttled) and the 429s, as the worker sees them. */
function countingPort(port: PartnerCenterPort, tally: { served: number; throttled: number; first: number; last: number }): PartnerCenterPort {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(port) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = async (...args: unknown[]) => {
      try {
        const result = await method(...args);
        tally.served++;
        tally.last = performance.now();
        if (tally.first === 0) tally.first = tally.last;
        return result;
      } catch (error) {
        if ((error as { errorCode?: unknown }).errorCode === 'rate_limited') tally.throttled++;
        else tally.served++;
        throw error;
      }
    };
  }
  return wrapped as unknown as PartnerCenterPort;
}

/**
 * Benchmark 4: running at the limit. The sandbox's token bucket allows 20 requests/s (capacity 5);
 * the worker is configured as an operator would (PC_ONBOARD_RATE_LIMIT_PER_MINUTE = 20 × 60).
 * Achieved served-request rate / limit, and no row may fail for throttling.
 */
export async function runLimitBench(): Promise<BenchLine[]> {
  const tally = { served: 0, throttled: 0, first: 0, last: 0 };
  const pipeline = await startTestPipeline({
    sandbox: { rateLimit: { capacity: CAPACITY, refillPerSecond: LIMIT_PER_SECOND } },
    worker: { concurrency: CONCURRENCY, rateLimitPerMinute: LIMIT_PER_SECOND * 60 },
    maxAttempts: 5,
    wrapPort: (port) => countingPort(port, tally),
  });
  try {
    const tag = randomUUID().slice(0, 6);
    const summary = await pipeline.importCsv(buildCustomerCsv(Array.from({ length: ROWS }, (_, index) => validRow(`l${tag}${index}`))));
    const settled = await pipeline.waitUntilSettled(summary.id, 180_000);
    const failedRows = (await pipeline.service.listRows(summary.id, { status: 'failed', limit: 1000 })).items;
    const throttledFailures = failedRows.filter((row) => row.errorCode === 'rate_limited').length;
    const seconds = (tally.last - tally.first) / 1000;
    // N calls from the first to the last span N - 1 intervals. (The bucket's capacity is small, so
    // an initial burst could add at most CAPACITY calls: 2 % of the ~240 calls.)
    const rate = (tally.served - 1) / seconds;
    const ratio = rate / LIMIT_PER_SECOND;
    const command = 'npm run bench -- limit';
    return [
      { bench: 'limit', metric: `served requests/s at a sandbox limit of ${LIMIT_PER_SECOND}/s (${ROWS} rows, ${tally.served} calls, ${tally.throttled} answered 429)`, value: round(rate, 1), unit: 'req/s', command },
      {
        bench: 'limit',
        metric: 'achieved rate / limit',
        value: round(ratio),
        unit: '×',
        goal: '≥ 0.9',
        met: ratio >= 0.9,
        command,
        note: `rows created ${settled.counts.created} of ${ROWS}; ${tally.throttled} calls answered 429 (each pauses the queue for a whole-second Retry-After)`,
      },
      { bench: 'limit', metric: 'rows failed for throttling', value: throttledFailures + settled.counts.failed, unit: 'rows', goal: '0', met: throttledFailures + settled.counts.failed === 0, command },
    ];
  } finally {
    await pipeline.close();
  }
}
