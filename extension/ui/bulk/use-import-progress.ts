import { useEffect, useState } from 'preact/hooks';
import type { ImportSummary, RowResult, StatusCounts } from '../../../shared/imports/import-types.ts';
import type { WorkerClient } from '../worker/worker-client.ts';
import { describeError } from '../components/worker-error-message.ts';
import { followImport } from './follow-import.ts';

export { finishedRows } from './follow-import.ts';

export interface ImportProgress {
  summary: ImportSummary | undefined;
  counts: StatusCounts | undefined;
  /** By row number. */
  rows: ReadonlyMap<number, RowResult>;
  drained: boolean;
  error: string;
}

const ROW_BATCH_MS = 100;
/** A paused import sends no events: its summary is read again this often to see why it waits. */
const SUMMARY_REFRESH_MS = 10_000;

/** Follows one import live (`followImport`) into component state; `refreshKey` restarts it (after retry/cancel). */
export function useImportProgress(client: WorkerClient, importId: string, refreshKey = 0): ImportProgress {
  const [summary, setSummary] = useState<ImportSummary>();
  const [counts, setCounts] = useState<StatusCounts>();
  const [rows, setRows] = useState<ReadonlyMap<number, RowResult>>(new Map());
  const [drained, setDrained] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    const abort = new AbortController();
    // Rows a live event already finished are not set back to `pending` by an older reload.
    const fromEvents = new Set<number>();
    let queued: RowResult[] = [];
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      flushTimer = undefined;
      const batch = queued;
      queued = [];
      if (batch.length > 0) setRows((old) => new Map([...old, ...batch.map((row) => [row.row, row] as const)]));
    };
    setDrained(false);
    setError('');
    // Why an import waits (a sign-in to renew) is on its summary, not in the event stream.
    const refresh = setInterval(() => {
      void client.getImport(importId).then(
        (fresh) => {
          if (abort.signal.aborted) return;
          const { paused } = fresh as ImportSummary & { paused?: unknown };
          setSummary((old) => (old ? { ...old, state: fresh.state, paused } as ImportSummary : old));
        },
        () => undefined, // the stream reports an unreachable worker; one failed read adds nothing
      );
    }, SUMMARY_REFRESH_MS);
    void followImport(
      client,
      importId,
      {
        onSummary: setSummary,
        onCounts: (next, state, pause) => {
          setCounts(next);
          setSummary((old) => (old ? ({ ...old, counts: next, ...(state ? { state } : {}), ...pause } as ImportSummary) : old));
        },
        onRows: (loaded, stored) => {
          // A row that just finished means the import is running again after a pause.
          if (!stored && loaded.some((row) => row.status !== 'pending')) setSummary((old) => (old && 'paused' in old ? ({ ...old, paused: undefined } as ImportSummary) : old));
          for (const row of loaded) {
            if (!stored) fromEvents.add(row.row);
            else if (fromEvents.has(row.row) && row.status === 'pending') continue;
            queued.push(row);
          }
          // Thousands of row events: copy the map once per batch, not once per event.
          flushTimer ??= setTimeout(flush, ROW_BATCH_MS);
        },
        onDrained: () => {
          flush();
          clearInterval(refresh);
          setDrained(true);
        },
        onError: (cause) => setError(cause === undefined ? '' : describeError(cause)),
      },
      abort.signal,
    );
    return () => {
      abort.abort();
      clearInterval(refresh);
      if (flushTimer) clearTimeout(flushTimer);
    };
  }, [client, importId, refreshKey]);

  return { summary, counts, rows, drained, error };
}
