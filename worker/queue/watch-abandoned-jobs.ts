import { QueueEvents } from 'bullmq';
import type { RedisConnection } from '../redis/redis-connection.ts';
import type { Logger } from 'pino';
import type { ImportStore } from '../store/create-import-store.ts';
import { ROW_MESSAGES } from '../processor/row-messages.ts';
import { parseRowJobId } from './row-queue.ts';

/**
 * BullMQ fails a job that stalled more often than `maxStalledCount` inside a Lua script, without
 * running the processor, so the row would stay `pending` and the import would never drain. This
 * listener gives such a row its final `failed` status (retry-failed can re-queue it).
 */
export function watchAbandonedJobs(options: {
  /** A connection of its own (QueueEvents blocks on it); closed by `close()`. */
  connection: RedisConnection;
  keyPrefix: string;
  queueName: string;
  store: ImportStore;
  logger: Logger;
  onError: (error: Error) => void;
}): { close(): Promise<void> } {
  const { connection } = options;
  const events = new QueueEvents(options.queueName, { connection, prefix: options.keyPrefix });
  events.on('error', options.onError);
  events.on('failed', ({ jobId, failedReason }) => {
    if (!/stalled more than allowable limit|started more than allowable limit/.test(failedReason)) return;
    const parsed = parseRowJobId(jobId);
    if (!parsed) return;
    const message = ROW_MESSAGES.failure('internal_error', failedReason);
    options.logger.warn({ importId: parsed.importId, row: parsed.row, reason: failedReason }, 'row job abandoned');
    void options.store
      .transition(parsed.importId, parsed.row, { status: 'failed', errorCode: 'internal_error', errorEn: message.en, errorJa: message.ja }, { gen: parsed.gen })
      .catch((error: Error) => options.logger.error({ error: error.message }, 'could not record an abandoned row'));
  });
  return {
    async close() {
      await events.close();
      // BullMQ does not close a connection it was given.
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
