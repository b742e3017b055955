import { DelayedError, UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import { duplicate, type RedisConnection } from '../redis/redis-connection.ts';
import type { Logger } from 'pino';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors/error-codes.ts';
import type { PartnerCenterClient } from '../../shared/partner-center/create-partner-center-client.ts';
import type { ImportStore } from '../store/create-import-store.ts';
import { isRowOutcomeError } from '../errors/row-outcome-error.ts';
import { initialDomain } from '../../shared/partner-center/clouds.ts';
import { DomainTakenError, isDomainTakenError } from '../errors/domain-taken-error.ts';
import { readPartnerCenterFailure } from '../processor/partner-center-failure.ts';
import { isCustomerNotVisibleYetError } from '../processor/customer-visibility.ts';
import { rowCorrelationId } from '../processor/row-context.ts';
import { announceSignInPause } from '../auth/announce-sign-in-pause.ts';
import { processRow, type ProcessRowResult, type RowJobData } from '../processor/process-row.ts';
import { ROW_MESSAGES } from '../processor/row-messages.ts';
import type { PasswordVault } from '../secrets/password-vault.ts';
import { createBackoff, type BackoffOptions } from './compute-backoff.ts';
import { releaseDomain } from './release-domain.ts';
import { JITTER_BACKOFF, ROW_QUEUE_NAME } from './row-queue.ts';
import { startRowFeeder, type FeedWindowSize } from './row-feeder.ts';
import { watchAbandonedJobs } from './watch-abandoned-jobs.ts';
import { createLedger, type Ledger } from '../ledger/create-ledger.ts';
import { createAppliedChangeLedger, type AppliedChangeLedger } from '../ledger/create-applied-change-ledger.ts';
import { createOrderClaims } from '../store/order-claims.ts';
import { isRedisConnectionError } from '../redis/is-redis-connection-error.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** While a sign-in is needed the queue looks again this often; a login is picked up this fast. */
const SIGN_IN_RECHECK_MS = 2 * SECOND;

export interface StartWorkerOptions {
  /** ioredis with `maxRetriesPerRequest: null`; BullMQ duplicates it for blocking calls. */
  connection: RedisConnection;
  /** A new connection whose errors are reported like `connection`'s (default: a bare duplicate). */
  duplicateConnection?: () => RedisConnection;
  /** Told about errors that only mean Redis is away (the worker waits for it); other errors are logged. */
  onRedisDown?: (error: Error) => void;
  keyPrefix: string;
  store: ImportStore;
  vault: PasswordVault;
  /** The client, paced by the shared request budget (`createRequestPacer`). */
  partnerCenter: PartnerCenterClient;
  logger: Logger;
  concurrency: number;
  /** Queue name override for tests (default `rows`). */
  queueName?: string;
  backoff?: BackoffOptions;
  /** Lock of a running job; a worker that dies lets it go stale and another picks the job up. @default 30 s */
  lockDurationMs?: number;
  /** @default 15 s */
  stalledIntervalMs?: number;
  /** @default the ledger under `keyPrefix` */
  ledger?: Ledger;
  /** @default the applied-change ledger under `keyPrefix` */
  applied?: AppliedChangeLedger;
  /** The row queue (its job options): the feeder tops it up, a released row goes back on it. */
  queue: Queue<RowJobData>;
  /** The window of jobs kept queued per import. @default DEFAULT_FEED_WINDOW */
  feedWindow?: FeedWindowSize;
}

export interface RowWorker {
  worker: Worker<RowJobData, ProcessRowResult>;
  close(): Promise<void>;
}

/**
 * Starts a BullMQ worker for row jobs. Retryable errors retry with exponential backoff + jitter;
 * a 429 pauses the whole queue for its Retry-After (without consuming an attempt), and so does a
 * sign-in that was revoked or expired, until the next `pc-onboard login`; a row's data
 * problem or a refused request ends the row at once (`UnrecoverableError`); when attempts run
 * out the row ends `failed` with the last error code.
 */
export function startWorker(startOptions: StartWorkerOptions): RowWorker {
  const options = {
    ...startOptions,
    ledger: startOptions.ledger ?? createLedger(startOptions.connection, startOptions.keyPrefix),
    applied: startOptions.applied ?? createAppliedChangeLedger(startOptions.connection, startOptions.keyPrefix),
    claims: createOrderClaims(startOptions.connection, startOptions.keyPrefix),
  };
  const { store, logger } = options;
  const backoff = createBackoff(options.backoff);
  const worker: Worker<RowJobData, ProcessRowResult> = new Worker<RowJobData, ProcessRowResult>(
    options.queueName ?? ROW_QUEUE_NAME,
    async (job, token) => {
      try {
        // The same count as handleRowError's: no retry follows a failure of this run.
        return await processRow(options, job.data, { last: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) });
      } catch (error) {
        return handleRowError(job, error, token);
      }
    },
    {
      connection: options.connection,
      prefix: options.keyPrefix,
      concurrency: options.concurrency,
      // Requests are paced by the client's budget. BullMQ honours `worker.rateLimit()` (the 429
      // pause of new rows) only when a limiter is set; this one never binds.
      limiter: { max: 1_000_000_000, duration: MINUTE },
      lockDuration: options.lockDurationMs ?? 30 * SECOND,
      stalledInterval: options.stalledIntervalMs ?? 15 * SECOND,
      maxStalledCount: 5,
      settings: {
        backoffStrategy: (attemptsMade, type, error) => (type === JITTER_BACKOFF ? backoff(attemptsMade, error) : 0),
      },
    },
  );
  const onError = (error: Error) => {
    if (options.onRedisDown && isRedisConnectionError(error)) options.onRedisDown(error);
    else logger.error({ error: error.message }, 'row worker error');
  };
  worker.on('error', onError);
  // Each row that ends here may leave its import's window low: top it up from the pending rows.
  const feeder = startRowFeeder({ store, queue: options.queue, onError, ...(options.feedWindow ? { window: options.feedWindow } : {}) });
  worker.on('completed', (job) => feeder.request(job.data.importId));
  worker.on('failed', (job) => {
    if (job) feeder.request(job.data.importId);
  });
  const abandoned = watchAbandonedJobs({
    connection: options.duplicateConnection?.() ?? duplicate(options.connection),
    onError,
    keyPrefix: options.keyPrefix,
    queueName: options.queueName ?? ROW_QUEUE_NAME,
    store,
    logger,
  });

  async function handleRowError(job: Job<RowJobData, ProcessRowResult>, error: unknown, token: string | undefined): Promise<ProcessRowResult> {
    const { importId, row, gen } = job.data;
    if (isCustomerNotVisibleYetError(error)) {
      // "Not yet", never a final status: the job waits and resumes at its step, using no attempt.
      logger.info({ importId, row, waitMs: error.waitMs }, 'the new customer is not visible yet; waiting');
      await job.moveToDelayed(Date.now() + error.waitMs, token);
      throw new DelayedError();
    }
    const taken = await asDomainTaken(job.data, error);
    if (taken) {
      await finish(job, 'exists', 'domain_taken', taken.localized, { relationshipUrl: taken.relationshipUrl });
      return { outcome: 'done', status: 'exists' };
    }
    if (isRowOutcomeError(error)) {
      await finish(job, error.status, error.code, error.localized, error.field ? { errorField: error.field } : {});
      throw new UnrecoverableError(error.code);
    }
    const failure = readPartnerCenterFailure(error);
    if (failure.kind === 'sign_in_required') {
      // Not the row's fault: every row waits (no attempt used) until somebody signs in again.
      logger.debug({ importId, row }, 'waiting for a Partner Center sign-in');
      await announceSignInPause(options.connection, options.keyPrefix, store, importId).catch(() => undefined);
      await worker.rateLimit(SIGN_IN_RECHECK_MS);
      throw Worker.RateLimitError();
    }
    if (failure.kind === 'throttled') {
      logger.info({ importId, row, retryAfterMs: failure.retryAfterMs }, 'Partner Center throttled; pausing the queue');
      await worker.rateLimit(failure.retryAfterMs);
      throw Worker.RateLimitError();
    }
    const detail = error instanceof Error ? error.message : String(error);
    const attempts = job.opts.attempts ?? 1;
    const retryable = failure.kind === 'retryable' || failure.kind === 'unknown';
    if (retryable && job.attemptsMade + 1 < attempts) {
      logger.warn({ importId, row, gen, correlationId: rowCorrelationId(importId, row), attempt: job.attemptsMade + 1, error: detail }, 'row attempt failed; retrying');
      throw error;
    }
    const code: ErrorCode = failure.kind === 'unknown' ? 'internal_error' : failure.code;
    const status = ERROR_CODES[code].status === 'invalid' ? 'invalid' : 'failed';
    logger.warn({ importId, row, gen, correlationId: rowCorrelationId(importId, row), code, error: detail }, 'row failed');
    const field = (error as { field?: unknown }).field;
    // A definite refusal: a later retry of this row must send new request ids (see RowState.rid).
    const rid = failure.kind === 'final' ? ((await store.getRow(importId, row))?.rid ?? 0) + 1 : undefined;
    await finish(job, status, code, ROW_MESSAGES.failure(code, detail), {
      ...(typeof field === 'string' ? { errorField: field } : {}),
      ...(rid === undefined ? {} : { rid }),
    });
    throw new UnrecoverableError(code);
  }

  /**
   * The row's domain turned out taken: found by the domain check (`DomainTakenError`), or refused
   * by the create call in a race with someone else (the client's `domain_taken`; nothing was
   * created). Both end the row `exists` through the same path.
   */
  async function asDomainTaken(data: RowJobData, error: unknown): Promise<DomainTakenError | undefined> {
    if (isDomainTakenError(error)) return error;
    const failure = readPartnerCenterFailure(error);
    if (!('code' in failure) || failure.code !== 'domain_taken') return undefined;
    const relationshipUrl = await options.partnerCenter.getRelationshipRequestUrl({ correlationId: data.importId });
    const [record, summary] = await Promise.all([store.getRecord(data.importId, data.row), store.getSummary(data.importId)]);
    return new DomainTakenError(initialDomain(record?.domain ?? '', summary?.cloud ?? 'global'), relationshipUrl);
  }

  async function finish(
    job: Job<RowJobData, ProcessRowResult>,
    status: 'exists' | 'invalid' | 'failed' | 'skipped',
    code: ErrorCode,
    message: { en: string; ja: string },
    extra: { relationshipUrl?: string; errorField?: string; rid?: number },
  ): Promise<void> {
    const data = job.data;
    // An invalid row claims no domain: a later row skipped for it runs instead (queued first, so
    // the import never looks drained in between).
    if (status === 'invalid') await releaseDomain(store, options.queue, data.importId, data.row);
    await store.transition(
      data.importId,
      data.row,
      { status, errorCode: code, errorEn: message.en, errorJa: message.ja, ...(extra as object) },
      { gen: data.gen },
    );
  }

  return {
    worker,
    async close() {
      await worker.close();
      await feeder.close();
      await abandoned.close();
    },
  };
}
