import type { Logger } from 'pino';
import { RowOutcomeError } from '../errors/row-outcome-error.ts';
import { isLostAnswer } from './lost-create-answer.ts';
import { readPartnerCenterFailure } from './partner-center-failure.ts';
import { ROW_MESSAGES, type LostAnswerWrite } from './row-messages.ts';

/** What deciding about a write needs of a row's context (customer rows and orders rows). */
export interface UnconfirmedWriteContext {
  importId: string;
  row: number;
  logger: Logger;
  /** No retry follows this run: a lost answer is read back at once, and a failed read back ends the row. */
  lastAttempt?: boolean;
}

/** When a row first sent a write, and whether that was in an earlier attempt. */
export interface FirstAttempt {
  /** An earlier attempt sent it: it may have committed without our seeing the answer. */
  attemptedBefore: boolean;
  /** ISO time stored before the first call: what it created is not older than this. */
  startedAt: string;
}

/**
 * The row's first call of a write that may commit unseen: its time is stored (`store`) before the
 * call unless an earlier attempt stored it (`stored`), which then may have made it.
 */
export async function firstAttempt(stored: string | undefined, store: (startedAt: string) => Promise<unknown>): Promise<FirstAttempt> {
  if (stored !== undefined) return { attemptedBefore: true, startedAt: stored };
  const startedAt = new Date().toISOString();
  await store(startedAt);
  return { attemptedBefore: false, startedAt };
}

/** One write of a row that Partner Center may carry out and then lose the answer of. */
export interface UnconfirmedWrite<T> {
  what: LostAnswerWrite;
  customerId: string;
  attempt: FirstAttempt;
  /** What Partner Center shows of the write (an earlier one of this row), or undefined when it did not happen. */
  readBack(): Promise<T | undefined>;
  write(): Promise<T>;
}

/**
 * Runs a write so that a lost answer never makes it twice, with or without the replay of
 * `MS-RequestId` (docs/contracts/partner-center.md §0.20): an attempt after the first reads back
 * first and takes what it finds instead of writing again; a lost answer (timeout, 5xx, reset) on
 * the last attempt, which has no retry to wait for, is read back at once. When the read-back
 * itself fails for good, the row ends `answer_lost` with a message saying what to check.
 */
export async function writeOnce<T>(context: UnconfirmedWriteContext, write: UnconfirmedWrite<T>): Promise<T> {
  if (write.attempt.attemptedBefore) {
    const found = await readBackOrGiveUp(context, write);
    if (found !== undefined) {
      context.logger.info({ importId: context.importId, row: context.row, customerId: write.customerId, write: write.what }, 'found the write of an earlier attempt whose answer was lost');
      return found;
    }
  }
  try {
    return await write.write();
  } catch (error) {
    if (!context.lastAttempt || !isLostAnswer(error)) throw error;
    const found = await readBackOrGiveUp(context, write);
    if (found === undefined) throw error; // it did not happen: a retry of the row writes it
    context.logger.info({ importId: context.importId, row: context.row, customerId: write.customerId, write: write.what }, 'found the write whose answer was lost');
    return found;
  }
}

/**
 * The read-back, or the row's end when it cannot be had: a failure a later attempt may not meet
 * is left to the job's retry (and a throttle, a sign-in or a 404 of a customer not visible yet to
 * their own handling); anything else, or any failure on the last attempt, ends the row `answer_lost`.
 */
export async function readBackOrGiveUp<T>(context: UnconfirmedWriteContext, write: UnconfirmedWrite<T>): Promise<T | undefined> {
  try {
    return await write.readBack();
  } catch (error) {
    const failure = readPartnerCenterFailure(error);
    if (failure.kind === 'throttled' || failure.kind === 'sign_in_required') throw error;
    if ((error as { status?: unknown } | null)?.status === 404) throw error;
    if (!context.lastAttempt && (failure.kind === 'retryable' || failure.kind === 'unknown')) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new RowOutcomeError('answer_lost', ROW_MESSAGES.answerLost(write.what, write.customerId, write.attempt.startedAt, reason, context.importId), undefined, { cause: error });
  }
}
