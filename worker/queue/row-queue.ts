import { Queue, type JobsOptions } from 'bullmq';
import type { RedisConnection } from '../redis/redis-connection.ts';
import type { RowJobData } from '../processor/process-row.ts';

/** The BullMQ queue of row jobs; its keys are `<keyPrefix>:rows:*`. */
export const ROW_QUEUE_NAME = 'rows';

/** The backoff type name of `computeBackoff`, registered on the worker. */
export const JITTER_BACKOFF = 'exponential-jitter';

export interface RowQueueOptions {
  connection: RedisConnection;
  keyPrefix: string;
  maxAttempts: number;
  /** Queue name override for tests (default `rows`). */
  name?: string;
}

export function createRowQueue(options: RowQueueOptions): Queue<RowJobData> {
  return new Queue<RowJobData>(options.name ?? ROW_QUEUE_NAME, {
    connection: options.connection,
    prefix: options.keyPrefix,
    defaultJobOptions: rowJobOptions(options.maxAttempts),
  });
}

/** Bounded retention: Redis holds the row state; finished jobs are only for Bull Board. */
function rowJobOptions(maxAttempts: number): JobsOptions {
  return {
    attempts: maxAttempts,
    backoff: { type: JITTER_BACKOFF },
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
  };
}

/** Job ids: import id + row + generation (a retry gets a new id); no `:` as BullMQ requires. */
export function rowJobId(importId: string, row: number, gen: number): string {
  return `${importId}-r${row}-g${gen}`;
}

/** The inverse of `rowJobId`; undefined for an id of another shape. */
export function parseRowJobId(jobId: string): { importId: string; row: number; gen: number } | undefined {
  const match = /^(.+)-r(\d+)-g(\d+)$/.exec(jobId);
  return match ? { importId: match[1]!, row: Number(match[2]), gen: Number(match[3]) } : undefined;
}

/** Adds row jobs in chunks with `addBulk`. */
export async function enqueueRows(queue: Queue<RowJobData>, jobs: readonly RowJobData[], chunkSize = 500): Promise<void> {
  for (let start = 0; start < jobs.length; start += chunkSize) {
    await queue.addBulk(
      jobs.slice(start, start + chunkSize).map((data) => ({
        name: 'row',
        data,
        opts: { jobId: rowJobId(data.importId, data.row, data.gen) },
      })),
    );
  }
}
