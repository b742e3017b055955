import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { SandboxState } from '../sandbox-state.ts';
import type { SandboxEnv } from './sandbox-env.ts';
import { normalizeKeys, stableStringify } from './normalize-keys.ts';
import { replyError } from './error-body.ts';
import { loseAnswer, takeLostAnswer, type LosableWrite } from './lose-answer.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a creating handler answered, and whether it changed state (only then can a drop be injected). */
export interface PostOutcome {
  status: ContentfulStatusCode;
  body: unknown;
  committed: boolean;
}

/**
 * Runs a creating POST with the idempotency of docs/contracts/partner-center.md §0.1: within 24 hours the
 * same `MS-RequestId` with the same body answers the original status and body and creates
 * nothing; with a different body it is refused with 409 `IdempotencyKeyReused`.
 * Answers of 5xx are not remembered, so a retry after one runs again.
 * Afterwards, a committed answer may be lost: the next ones of `write` when the test asked for it
 * (`loseAnswers`, §0.20), or at random (`dropAfterCommitRate`).
 */
export async function runIdempotentPost(
  c: Context<SandboxEnv>,
  state: SandboxState,
  write: LosableWrite,
  handle: (body: unknown) => PostOutcome,
): Promise<Response> {
  const raw = await c.req.text();
  let body: unknown = undefined;
  if (raw.trim() !== '') {
    try {
      body = normalizeKeys(JSON.parse(raw));
    } catch {
      return replyError(c, 400, 'BadInput', 'The request body is not valid JSON.');
    }
  }
  // With replay off (§0.16) the header is ignored: every call runs again.
  const requestId = state.replay ? c.req.header('MS-RequestId')?.toLowerCase() : undefined;
  const fingerprint = `${c.req.method} ${c.req.path.toLowerCase()} ${stableStringify(body ?? null)}`;
  if (requestId) {
    const previous = state.idempotency.get(requestId);
    if (previous && previous.at > Date.now() - DAY_MS) {
      if (previous.fingerprint !== fingerprint) {
        return replyError(c, 409, 'IdempotencyKeyReused', `MS-RequestId ${requestId} was already used for a different request; send a new MS-RequestId for a new request.`);
      }
      return c.json(previous.body as object, previous.status as ContentfulStatusCode);
    }
  }
  // Synchronous from the replay check to the record, so two concurrent calls with the same id
  // cannot both run the handler.
  const outcome = handle(body);
  if (requestId && outcome.status < 500) {
    forgetExpired(state);
    // Re-inserted at the end, so the map stays ordered by time for forgetExpired.
    state.idempotency.delete(requestId);
    state.idempotency.set(requestId, { fingerprint, status: outcome.status, body: outcome.body, at: Date.now() });
  }
  if (outcome.committed && takeLostAnswer(state.loseAnswers, write)) return loseAnswer(c, state.loseAnswers.mode);
  if (outcome.committed && state.faults.dropAfterCommitRate > 0 && state.random() < state.faults.dropAfterCommitRate) {
    return dropResponse(c, state);
  }
  return c.json(outcome.body as object, outcome.status);
}

/** Drops records older than 24 h from the front (the map is in insertion order), so a long run stays bounded. */
function forgetExpired(state: SandboxState): void {
  const cutoff = Date.now() - DAY_MS;
  for (const [requestId, record] of state.idempotency) {
    if (record.at > cutoff) break;
    state.idempotency.delete(requestId);
  }
}

export function dropResponse(c: Context<SandboxEnv>, state: SandboxState): Response {
  const mode = state.faults.dropMode === 'both' ? (state.random() < 0.5 ? 'error' : 'reset') : state.faults.dropMode;
  const socket = c.env?.incoming?.socket;
  if (mode === 'reset' && socket) {
    socket.destroy();
    return new Response(null, { status: 500 });
  }
  return replyError(c, 500, 'InternalServerError', 'The sandbox committed this request and then injected a lost response (fault injection: dropAfterCommitRate).');
}
