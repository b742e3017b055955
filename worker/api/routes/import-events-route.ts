import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { ImportEvent, ImportSummary, RowResult } from '../../../shared/imports/import-types.ts';
import { compareEventIds } from '../../store/events/event-id.ts';
import type { ImportService } from '../../imports/import-service.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ImportNotFoundError } from '../../errors/import-not-found-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import { importParamsSchema } from '../validation/import-schemas.ts';

const DEFAULT_HEARTBEAT_MS = 15_000;
const ROWS_PAGE = 1000;

/**
 * `GET /imports/:id/events`: Server-Sent Events named after `ImportEvent.type`, data = the event as
 * JSON, `id` = its place in the import's event log. First a `progress` with the current counts,
 * then `row`/`progress` as they happen, and a final `drained` after which the server closes the
 * stream. Comment heartbeats keep it open.
 *
 * Resuming: a client that reconnects with `Last-Event-ID` (header, or `?lastEventId=` where it
 * cannot set headers) gets exactly the events it missed, then the live ones. When the log no
 * longer holds what it missed (trimmed, expired, or an id that is not ours) it gets the current
 * state instead: a `row` event for every row with a final status, then a `progress` snapshot.
 */
export function createImportEventsRoute(deps: Pick<ApiDeps, 'service' | 'sseHeartbeatMs'>) {
  const heartbeatMs = deps.sseHeartbeatMs ?? DEFAULT_HEARTBEAT_MS;

  return new Hono().get('/:id/events', async (c) => {
    const { id } = parseInput(importParamsSchema, c.req.param(), 'path');
    const lastEventId = c.req.header('last-event-id')?.trim() || c.req.query('lastEventId')?.trim() || undefined;
    // Subscribe before reading the log and the summary so no event falls between them.
    const inbox = createInbox();
    const unsubscribe = await deps.service.subscribe(id, inbox.push);
    let opening: Opening;
    try {
      opening = await readOpening(deps.service, id, lastEventId);
    } catch (error) {
      unsubscribe();
      throw error;
    }
    const { summary } = opening;
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => inbox.close());
      try {
        // Events up to this id are already in what the client has (or gets now); live ones repeat them.
        let seen = opening.seenThrough;
        if (opening.replay) {
          for (const { id: eventId, event } of opening.replay) {
            await writeEvent(stream, event, eventId);
            if (event.type === 'drained') return;
          }
        } else {
          for (const row of opening.finalRows ?? []) await writeEvent(stream, { type: 'row', importId: id, result: row });
          // `paused` (waiting for a sign-in) when the summary has it, so a panel that (re)connects shows it.
          const paused = 'paused' in summary ? { paused: summary.paused } : {};
          await writeEvent(stream, { type: 'progress', importId: id, counts: summary.counts, state: summary.state, ...paused } as ImportEvent, seen);
        }
        if (isFinished(summary)) {
          await writeEvent(stream, { type: 'drained', importId: id, counts: summary.counts });
          return;
        }
        for (;;) {
          const next = await inbox.next(heartbeatMs);
          if (next === 'closed' || stream.aborted) return;
          if (next === 'timeout') {
            await stream.write(': heartbeat\n\n');
            continue;
          }
          if (compareEventIds(next.id, seen) <= 0) continue;
          seen = next.id;
          await writeEvent(stream, next.event, next.id);
          if (next.event.type === 'drained') return;
        }
      } finally {
        unsubscribe();
        inbox.close();
      }
    });
  });
}

interface Opening {
  summary: ImportSummary;
  /** The events the client missed, when the log still holds them all. */
  replay?: { id: string; event: ImportEvent }[];
  /** The client resumed but the log lost part of what it missed: every row with its final status. */
  finalRows?: RowResult[];
  seenThrough: string;
}

async function readOpening(service: ImportService, id: string, lastEventId: string | undefined): Promise<Opening> {
  // The log position first: the summary read after it reflects at least those events.
  const latest = await service.latestEventId(id);
  const summary = await service.getImport(id);
  if (!summary) throw new ImportNotFoundError(id);
  if (lastEventId === undefined) return { summary, seenThrough: latest };
  const replay = await service.eventsSince(id, lastEventId);
  // Rows read after `latest` may be newer than the snapshot; a live event repeating one is harmless.
  if (!replay.complete) return { summary, finalRows: await readFinalRows(service, id), seenThrough: latest };
  return { summary, replay: replay.events, seenThrough: replay.events.at(-1)?.id ?? lastEventId };
}

/** Every row that has its final status, read a page at a time. */
async function readFinalRows(service: ImportService, importId: string): Promise<RowResult[]> {
  const rows: RowResult[] = [];
  let cursor: string | undefined;
  do {
    const page = await service.listRows(importId, { limit: ROWS_PAGE, ...(cursor ? { cursor } : {}) });
    for (const row of page.items) if (row.status !== 'pending') rows.push(row);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

function isFinished(summary: ImportSummary): boolean {
  return summary.counts.pending === 0 && (summary.state === 'done' || summary.state === 'cancelled');
}

async function writeEvent(stream: SSEStreamingApi, event: ImportEvent, id?: string): Promise<void> {
  await stream.writeSSE({ event: event.type, data: JSON.stringify(event), ...(id ? { id } : {}) });
}

/** A queue of events with a waiter that wakes on an event, on close, or after a timeout. */
function createInbox() {
  const events: { id: string; event: ImportEvent }[] = [];
  let closed = false;
  let wake: (() => void) | undefined;

  return {
    push(event: ImportEvent, id: string) {
      if (closed) return;
      events.push({ id, event });
      wake?.();
    },
    close() {
      closed = true;
      wake?.();
    },
    async next(timeoutMs: number): Promise<{ id: string; event: ImportEvent } | 'closed' | 'timeout'> {
      if (closed) return 'closed';
      const queued = events.shift();
      if (queued) return queued;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await new Promise<boolean>((resolve) => {
        wake = () => resolve(false);
        timer = setTimeout(() => resolve(true), timeoutMs);
      });
      clearTimeout(timer);
      wake = undefined;
      if (closed) return 'closed';
      return events.shift() ?? (timedOut ? 'timeout' : 'closed');
    },
  };
}
