import type { Context } from 'hono';
import type { SandboxEnv } from './sandbox-env.ts';
import { replyError } from './error-body.ts';

/** The writes whose answer the sandbox can lose after committing them. */
export const LOSABLE_WRITES = ['customer', 'agreement', 'cart', 'checkout', 'order'] as const;
export type LosableWrite = (typeof LOSABLE_WRITES)[number];

/** How a lost answer looks to the caller: a reset connection, or a 504 from a gateway that gave up. */
export type LostAnswerMode = 'reset' | '504';

/**
 * The "lose the next answers" knob (docs/contracts/partner-center.md §0.20): for each write, how
 * many of its next committed answers are lost. Unlike the random `dropAfterCommitRate`, a test
 * says exactly which call commits unseen, once.
 */
export interface LoseAnswers {
  next: Record<LosableWrite, number>;
  mode: LostAnswerMode;
}

export function noLostAnswers(): LoseAnswers {
  return { next: { customer: 0, agreement: 0, cart: 0, checkout: 0, order: 0 }, mode: 'reset' };
}

/** Counts one lost answer down: true when this committed answer of `write` is to be lost. */
export function takeLostAnswer(lose: LoseAnswers, write: LosableWrite): boolean {
  if (lose.next[write] <= 0) return false;
  lose.next[write] -= 1;
  return true;
}

/** The caller's side of a lost answer: the socket is destroyed (reset), or a gateway's 504. */
export function loseAnswer(c: Context<SandboxEnv>, mode: LostAnswerMode): Response {
  const socket = c.env?.incoming?.socket;
  if (mode === 'reset' && socket) {
    socket.destroy();
    return new Response(null, { status: 500 });
  }
  return replyError(c, 504, 'GatewayTimeout', 'The sandbox committed this request and then lost its answer (fault injection: loseAnswers).');
}

/**
 * Reads `SANDBOX_DROP_ANSWERS` ("agreement,checkout" or "agreement=2,order": writes and how many
 * of their next answers to lose, 1 when no count is given) and `SANDBOX_DROP_ANSWERS_MODE`
 * (reset|504) for a standalone sandbox.
 */
export function loseAnswersFromEnv(env: Record<string, string | undefined>): Partial<LoseAnswers> | undefined {
  const list = env.SANDBOX_DROP_ANSWERS?.trim();
  const mode = env.SANDBOX_DROP_ANSWERS_MODE?.trim();
  if (!list && !mode) return undefined;
  const result: Partial<LoseAnswers> = {};
  if (mode) {
    if (mode !== 'reset' && mode !== '504') throw new Error(`SANDBOX_DROP_ANSWERS_MODE must be reset or 504 (got "${mode}").`);
    result.mode = mode;
  }
  if (list) {
    const next = noLostAnswers().next;
    for (const entry of list.split(',').map((part) => part.trim()).filter(Boolean)) {
      const [name, count = '1'] = entry.split('=').map((part) => part.trim());
      if (!LOSABLE_WRITES.includes(name as LosableWrite) || !/^\d+$/.test(count)) {
        throw new Error(`SANDBOX_DROP_ANSWERS takes ${LOSABLE_WRITES.join(', ')}, each optionally =<count> (got "${entry}").`);
      }
      next[name as LosableWrite] = Number(count);
    }
    result.next = next;
  }
  return result;
}
