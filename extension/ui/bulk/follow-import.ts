import type { ImportEvent, ImportSummary, RowResult, StatusCounts } from '../../../shared/imports/import-types.ts';
import type { WorkerClient } from '../worker/worker-client.ts';
import { isWorkerApiError } from '../worker/worker-errors.ts';

/** What following an import reports, as it happens. */
export interface ImportFollowerHandlers {
  onSummary: (summary: ImportSummary) => void;
  /** `pause`: the event's `paused` field when it has one (a newer worker says why an import waits). */
  onCounts: (counts: StatusCounts, state?: ImportSummary['state'], pause?: { paused: unknown }) => void;
  /** Rows to merge, by row number; `stored` rows came from a reload, not from an event. */
  onRows: (rows: RowResult[], stored: boolean) => void;
  onDrained: () => void;
  /** A failure (undefined once the stream works again). */
  onError: (error: unknown) => void;
}

export interface FollowImportOptions {
  /** @default 500 ms, doubling up to `maxDelayMs` */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** How many rows have a final status. */
export function finishedRows(counts: StatusCounts | undefined): number {
  if (!counts) return 0;
  return Object.entries(counts).reduce((sum, [status, n]) => (status === 'pending' ? sum : sum + n), 0);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

async function loadAllRows(client: WorkerClient, importId: string, signal: AbortSignal): Promise<RowResult[]> {
  const rows: RowResult[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listRows(importId, { cursor, limit: 500 });
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && !signal.aborted);
  return rows;
}

/**
 * Follows one import until it is drained or `signal` aborts: loads the summary and rows as they
 * stand, then reads the SSE stream of row and progress events. The server ends the stream after
 * `drained`; any other end (worker restarted, network blip) reconnects after a growing pause and
 * reloads the rows, so nothing that happened meanwhile is missed. Resolves when done.
 */
export async function followImport(
  client: WorkerClient,
  importId: string,
  handlers: ImportFollowerHandlers,
  signal: AbortSignal,
  options: FollowImportOptions = {},
): Promise<void> {
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 8000;
  let finished = false;

  const reload = async () => {
    const summary = await client.getImport(importId);
    if (signal.aborted) return;
    handlers.onSummary(summary);
    handlers.onCounts(summary.counts, summary.state);
    handlers.onRows(await loadAllRows(client, importId, signal), true);
    if (summary.state === 'done' || summary.state === 'cancelled') {
      finished = true;
      handlers.onDrained();
    }
  };

  const onEvent = (event: ImportEvent) => {
    if (event.type === 'row') handlers.onRows([event.result], false);
    else if (event.type === 'progress') handlers.onCounts(event.counts, event.state, 'paused' in event ? { paused: event.paused } : undefined);
    else if (event.type === 'drained') {
      finished = true;
      handlers.onCounts(event.counts, 'done');
    }
  };

  await reload().catch(handlers.onError);
  for (let attempt = 0; !signal.aborted && !finished; attempt++) {
    try {
      await client.streamEvents(importId, onEvent, signal);
    } catch (error) {
      if (signal.aborted) return;
      handlers.onError(error);
      // A refused request (unknown import, bad token) will not heal by itself.
      if (isWorkerApiError(error) && error.kind !== 'unreachable') return;
    }
    if (signal.aborted) return;
    if (!finished) await sleep(Math.min(baseDelayMs * 2 ** Math.min(attempt, 4), maxDelayMs), signal);
    // The rows as stored: after `drained` the final ones, after a drop whatever was missed.
    try {
      await reload();
      handlers.onError(undefined);
    } catch (error) {
      if (!signal.aborted) handlers.onError(error);
    }
    if (finished && !signal.aborted) handlers.onDrained();
  }
}
