import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { ImportEvent, ImportSummary } from '../../../shared/imports/import-types.ts';
import type { ApiDeps } from '../api-deps.ts';
import { importNotFound } from '../problems/common-problems.ts';
import { parseInput } from '../validation/parse-input.ts';
import { importParamsSchema } from '../validation/import-schemas.ts';

const DEFAULT_HEARTBEAT_MS = 15_000;

/**
 * `GET /imports/:id/events`: Server-Sent Events named after `ImportEvent.type`, data = the event as
 * JSON. First a `progress` with the current counts, then `row`/`progress` as they happen, and a
 * final `drained` after which the server closes the stream. Comment heartbeats keep it open.
 */
export function createImportEventsRoute(deps: Pick<ApiDeps, 'service' | 'sseHeartbeatMs'>) {
  const heartbeatMs = deps.sseHeartbeatMs ?? DEFAULT_HEARTBEAT_MS;

  return new Hono().get('/:id/events', async (c) => {
    const { id } = parseInput(importParamsSchema, c.req.param(), 'path');
    // Subscribe before reading the summary so no event falls between the two.
    const inbox = createInbox();
    const unsubscribe = await deps.service.subscribe(id, inbox.push);
    const summary = await deps.service.getImport(id).catch((error: unknown) => {
      unsubscribe();
      throw error;
    });
    if (!summary) {
      unsubscribe();
      throw importNotFound(id);
    }
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => inbox.close());
      try {
        await writeEvent(stream, { type: 'progress', importId: id, counts: summary.counts, state: summary.state });
        if (isFinished(summary)) {
          await writeEvent(stream, { type: 'drained', importId: id, counts: summary.counts });
          return;
        }
        for (;;) {
          const event = await inbox.next(heartbeatMs);
          if (event === 'closed' || stream.aborted) return;
          if (event === 'timeout') {
            await stream.write(': heartbeat\n\n');
            continue;
          }
          await writeEvent(stream, event);
          if (event.type === 'drained') return;
        }
      } finally {
        unsubscribe();
        inbox.close();
      }
    });
  });
}

function isFinished(summary: ImportSummary): boolean {
  return summary.counts.pending === 0 && (summary.state === 'done' || summary.state === 'cancelled');
}

async function writeEvent(stream: SSEStreamingApi, event: ImportEvent): Promise<void> {
  await stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
}

/** A queue of events with a waiter that wakes on an event, on close, or after a timeout. */
function createInbox() {
  const events: ImportEvent[] = [];
  let closed = false;
  let wake: (() => void) | undefined;

  return {
    push(event: ImportEvent) {
      if (closed) return;
      events.push(event);
      wake?.();
    },
    close() {
      closed = true;
      wake?.();
    },
    async next(timeoutMs: number): Promise<ImportEvent | 'closed' | 'timeout'> {
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
