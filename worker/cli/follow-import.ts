import type { ImportService } from '../imports/import-service.ts';
import type { ImportPause, ImportState, PausableSummary, StatusCounts } from '../../shared/imports/import-types.ts';

export interface FollowImportOptions {
  /** Called with the counts whenever they change (and once at the start). */
  onProgress: (counts: StatusCounts, state: ImportState) => void;
  /** Called when the import starts or stops waiting for a person (e.g. "Sign in again: pc-onboard login"). */
  onPaused?: (paused: ImportPause | undefined) => void;
  /** Events are the fast path; this poll only guards against a missed event. @default 1000 */
  pollMs?: number;
  signal?: AbortSignal;
}

/**
 * Waits until every row of an import has its final status, reporting progress from the service's
 * events. Resolves with the final counts.
 */
export async function followImport(service: ImportService, importId: string, options: FollowImportOptions): Promise<StatusCounts> {
  const pollMs = options.pollMs ?? 1000;
  let wake: (() => void) | undefined;
  let drained: StatusCounts | undefined;
  let last = '';
  let lastPaused: string | undefined;

  const report = (counts: StatusCounts, state: ImportState) => {
    const key = JSON.stringify([counts, state]);
    if (key === last) return;
    last = key;
    options.onProgress(counts, state);
  };

  const unsubscribe = await service.subscribe(importId, (event) => {
    if (event.type === 'progress') report(event.counts, event.state);
    if (event.type === 'drained') {
      drained = event.counts;
      wake?.();
    }
  });
  try {
    for (;;) {
      const summary = await service.getImport(importId);
      if (!summary) throw new Error(`Import ${importId} disappeared from Redis while it was followed.`);
      report(summary.counts, summary.state);
      const { paused } = summary as PausableSummary;
      if (paused?.reason !== lastPaused) {
        lastPaused = paused?.reason;
        options.onPaused?.(paused);
      }
      if (isFinished(summary.counts, summary.state)) return summary.counts;
      // The drained event may overtake the summary's last write; its counts are final.
      if (drained) return drained;
      if (options.signal?.aborted) throw options.signal.reason;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  } finally {
    unsubscribe();
  }
}

function isFinished(counts: StatusCounts, state: ImportState): boolean {
  return counts.pending === 0 && (state === 'done' || state === 'cancelled');
}
