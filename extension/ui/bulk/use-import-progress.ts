import { useEffect, useState } from 'preact/hooks';
import type { ImportEvent, ImportSummary, RowResult, StatusCounts } from '../../../shared/imports/import-types.ts';
import type { WorkerClient } from '../worker/worker-client.ts';
import { describeError } from '../components/worker-error-message.ts';
import { isWorkerApiError } from '../worker/worker-errors.ts';

export interface ImportProgress {
  summary: ImportSummary | undefined;
  counts: StatusCounts | undefined;
  /** By row number. */
  rows: ReadonlyMap<number, RowResult>;
  drained: boolean;
  error: string;
}

/** How many rows have a final status. */
export function finishedRows(counts: StatusCounts | undefined): number {
  if (!counts) return 0;
  return Object.entries(counts).reduce((sum, [status, n]) => (status === 'pending' ? sum : sum + n), 0);
}

const RECONNECT_BASE_MS = 500;
const RECONNECT_MAX_MS = 8000;

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
 * Follows one import live: the summary and rows as they stand, then the SSE stream of row and
 * progress events. Rows loaded after the stream started never overwrite a fresher event.
 */
export function useImportProgress(client: WorkerClient, importId: string, refreshKey = 0): ImportProgress {
  const [summary, setSummary] = useState<ImportSummary>();
  const [counts, setCounts] = useState<StatusCounts>();
  const [rows, setRows] = useState<ReadonlyMap<number, RowResult>>(new Map());
  const [drained, setDrained] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    const abort = new AbortController();
    const fromEvents = new Set<number>();
    setDrained(false);
    setError('');

    const mergeRows = (loaded: RowResult[]) =>
      setRows((old) => {
        const next = new Map(old);
        for (const row of loaded) if (!fromEvents.has(row.row) || row.status !== 'pending') next.set(row.row, row);
        return next;
      });

    const refresh = async () => {
      const current = await client.getImport(importId);
      if (abort.signal.aborted) return;
      setSummary(current);
      setCounts(current.counts);
      mergeRows(await loadAllRows(client, importId, abort.signal));
      if (current.state === 'done' || current.state === 'cancelled') setDrained(true);
    };

    let finished = false;
    const onEvent = (event: ImportEvent) => {
      if (event.type === 'row') {
        fromEvents.add(event.result.row);
        setRows((old) => new Map(old).set(event.result.row, event.result));
      } else if (event.type === 'progress') {
        setCounts(event.counts);
        setSummary((old) => (old ? { ...old, counts: event.counts, state: event.state } : old));
      } else if (event.type === 'drained') {
        finished = true;
        setCounts(event.counts);
        // The final rows as stored, in case an event was missed while connecting.
        void refresh().catch(() => {});
      }
    };

    // The server ends the stream after `drained`; any other end (worker restarted, network
    // blip) reconnects after a pause, and the rows are reloaded so nothing is missed meanwhile.
    const follow = async () => {
      for (let attempt = 0; !abort.signal.aborted && !finished; attempt++) {
        try {
          await client.streamEvents(importId, onEvent, abort.signal);
          setError('');
        } catch (cause) {
          if (abort.signal.aborted) return;
          setError(describeError(cause));
          // A refused request (unknown import, bad token) will not heal by itself.
          if (isWorkerApiError(cause) && cause.kind !== 'unreachable') return;
        }
        if (finished || abort.signal.aborted) return;
        await sleep(Math.min(RECONNECT_BASE_MS * 2 ** Math.min(attempt, 4), RECONNECT_MAX_MS), abort.signal);
        await refresh().catch(() => {});
      }
    };

    refresh().catch((cause: unknown) => {
      if (!abort.signal.aborted) setError(describeError(cause));
    });
    void follow();
    return () => abort.abort();
  }, [client, importId, refreshKey]);

  return { summary, counts, rows, drained, error };
}
