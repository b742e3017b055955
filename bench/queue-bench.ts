import { randomUUID } from 'node:crypto';
import { startSandbox } from '../sandbox/start-sandbox.ts';
import type { SandboxOptions } from '../sandbox/sandbox-options.ts';
import { openCustomerCsv } from '../shared/csv/open-customer-csv.ts';
import type { CustomerRecord } from '../shared/customer/customer-record.ts';
import { toCreateCustomerRequest } from '../shared/partner-center/to-create-customer-request.ts';
import { createPartnerCenterClient } from '../shared/partner-center/create-partner-center-client.ts';
import { createCallContext } from '../worker/processor/row-context.ts';
import { buildCustomerCsv, validRow } from '../test/support/worker/build-customer-csv.ts';
import { startTestPipeline } from '../test/support/worker/start-test-pipeline.ts';
import { round, type BenchLine } from './bench-result.ts';

const ROWS = 300;
const CONCURRENCY = 8;
const LATENCY_MS = 50;
const RUNS = 2;
// No throttling here: benchmark 4 measures the limit; this one measures the queue's own cost.
const SANDBOX: SandboxOptions = { faults: { latencyMs: LATENCY_MS }, rateLimit: { capacity: 1_000_000, refillPerSecond: 1_000_000 } };

function csvText(tag: string): string {
  return buildCustomerCsv(Array.from({ length: ROWS }, (_, index) => validRow(`q${tag}${index}`)));
}

/** The full pipeline: the import service reads the CSV, BullMQ on real Redis, the row processor. */
async function timePipeline(): Promise<number> {
  const pipeline = await startTestPipeline({ sandbox: SANDBOX, worker: { concurrency: CONCURRENCY } });
  try {
    const text = csvText(randomUUID().slice(0, 6));
    const started = performance.now();
    const summary = await pipeline.importCsv(text);
    const settled = await pipeline.waitUntilSettled(summary.id, 120_000);
    const elapsed = performance.now() - started;
    if (settled.counts.created !== ROWS) throw new Error(`The pipeline created ${settled.counts.created} of ${ROWS} rows: ${JSON.stringify(settled.counts)}.`);
    return elapsed;
  } finally {
    await pipeline.close();
  }
}

/** The same Partner Center calls per row (domain check, address check, create) from a bare promise pool. */
async function timePromisePool(): Promise<number> {
  const token = `bench-${randomUUID()}`;
  const sandbox = await startSandbox({ testToken: token, ...SANDBOX });
  try {
    const client = createPartnerCenterClient({ cloud: 'global', baseUrl: sandbox.url, getAccessToken: async () => token });
    const text = csvText(randomUUID().slice(0, 6));
    const started = performance.now();
    const csv = await openCustomerCsv((async function* () { yield new TextEncoder().encode(text); })());
    const records: CustomerRecord[] = [];
    for await (const row of csv.rows()) if (row.outcome.ok) records.push(row.outcome.record);
    const importId = randomUUID();
    let next = 0;
    let created = 0;
    const runOne = async (index: number, record: CustomerRecord) => {
      const call = createCallContext(importId, index + 1);
      if (!(await client.checkDomainAvailability(record.domain, call())).available) return;
      await client.validateAddress({ addressLine1: record.address_line1, city: record.city, country: record.country, ...(record.state ? { state: record.state } : {}), ...(record.postal_code ? { postalCode: record.postal_code } : {}) }, call());
      await client.createCustomer(toCreateCustomerRequest(record, 'global'), call('customer'));
      created++;
    };
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < records.length) {
          const index = next++;
          await runOne(index, records[index]!);
        }
      }),
    );
    const elapsed = performance.now() - started;
    if (created !== ROWS) throw new Error(`The promise pool created ${created} of ${ROWS} rows.`);
    return elapsed;
  } finally {
    await sandbox.close();
  }
}

/**
 * Benchmark 3: the queue's overhead. The same rows and the same Partner Center calls, sandbox
 * latency 50 ms, concurrency 8: the full BullMQ pipeline vs a bare promise pool. Best of 2 each.
 */
export async function runQueueBench(): Promise<BenchLine[]> {
  let pipeline = Number.POSITIVE_INFINITY;
  let pool = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run++) {
    pool = Math.min(pool, await timePromisePool());
    pipeline = Math.min(pipeline, await timePipeline());
  }
  const ratio = pipeline / pool;
  const command = 'npm run bench -- queue';
  return [
    { bench: 'queue', metric: `BullMQ pipeline, ${ROWS} rows, concurrency ${CONCURRENCY}, latency ${LATENCY_MS} ms`, value: Math.round(pipeline), unit: 'ms', command },
    { bench: 'queue', metric: 'bare promise pool, same calls', value: Math.round(pool), unit: 'ms', command },
    { bench: 'queue', metric: 'time ratio pipeline / promise pool', value: round(ratio), unit: '×', goal: '≤ 1.15', met: ratio <= 1.15, command },
  ];
}
