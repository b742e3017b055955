import type { ImportSummary } from '../../../shared/imports/import-types.ts';
import type { ImportService } from '../../../worker/imports/import-service.ts';

/** A missed event costs at most this long; the events are the fast path. */
const GUARD_POLL_MS = 100;

/**
 * Resolves with the import's summary once no row is pending and validation has ended. Looks again
 * when the import publishes an event that says so (and every GUARD_POLL_MS, for a change no event
 * announces), with no test framework involved, so benchmarks can use it too. Rejects after
 * `timeoutMs` with the last counts seen.
 */
export async function waitUntilSettled(service: ImportService, importId: string, timeoutMs: number): Promise<ImportSummary> {
  let last: ImportSummary | undefined;
  let checking = false;
  let checkAgain = false;
  let finish!: (outcome: { summary: ImportSummary } | { error: unknown }) => void;
  const settled = new Promise<{ summary: ImportSummary } | { error: unknown }>((resolve) => (finish = resolve));

  // One look at a time; events that arrive meanwhile ask for one more look, not one each.
  const check = async (): Promise<void> => {
    if (checking) {
      checkAgain = true;
      return;
    }
    checking = true;
    try {
      do {
        checkAgain = false;
        last = await service.getImport(importId);
        if (last && last.counts.pending === 0 && last.state !== 'validating') finish({ summary: last });
      } while (checkAgain);
    } catch (error) {
      finish({ error });
    } finally {
      checking = false;
    }
  };

  // Only an event that says the import may have settled is worth a look: a look per row event
  // would load Redis (and a benchmark's measurement) with a read per row.
  const unsubscribe = await service.subscribe(importId, (event) => {
    if (event.type === 'drained' || (event.type === 'progress' && event.counts.pending === 0 && event.state !== 'validating')) void check();
  });
  const guard = setInterval(() => void check(), GUARD_POLL_MS);
  const timeout = setTimeout(
    () => finish({ error: new Error(`import ${importId} did not settle within ${timeoutMs} ms: ${last ? `${last.state}, ${JSON.stringify(last.counts)}` : 'not found'}`) }),
    timeoutMs,
  );
  void check();
  try {
    const outcome = await settled;
    if ('error' in outcome) throw outcome.error;
    return outcome.summary;
  } finally {
    clearInterval(guard);
    clearTimeout(timeout);
    unsubscribe();
  }
}
