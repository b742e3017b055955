import cliProgress from 'cli-progress';
import { ROW_STATUSES } from '../../../shared/csv/row-status.ts';
import type { StatusCounts } from '../../../shared/imports/import-types.ts';
import { writeLine } from '../cli-io.ts';

const SECOND = 1000;
const PLAIN_LINE_EVERY_MS = 5 * SECOND;

/** Shows an import's progress: a live bar on a TTY, plain lines otherwise (logs, CI, pipes). */
export interface ProgressReporter {
  update(counts: StatusCounts): void;
  stop(): void;
}

export function createProgressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }, total: number): ProgressReporter {
  // A header-only file has nothing to show (and cli-progress cannot compute an ETA for 0 rows).
  if (total === 0) return { update() {}, stop() {} };
  return stream.isTTY ? createBarReporter(stream, total) : createPlainReporter(stream, total);
}

/** `created 3 · exists 1 · invalid 2`: only the statuses that occurred, in contract order. */
export function formatCounts(counts: StatusCounts): string {
  const parts = ROW_STATUSES.filter((status) => counts[status] > 0).map((status) => `${status} ${counts[status]}`);
  return parts.length > 0 ? parts.join(' · ') : 'nothing finished yet';
}

function finishedRows(counts: StatusCounts): number {
  return ROW_STATUSES.reduce((sum, status) => sum + counts[status], 0);
}

function createRateMeter() {
  const startedAt = Date.now();
  let firstDone: number | undefined;
  return (done: number) => {
    // The rate counts from the first progress seen, so rows decided at once (invalid) do not inflate it.
    firstDone ??= done;
    const seconds = (Date.now() - startedAt) / SECOND;
    return seconds > 0.1 ? (done - firstDone) / seconds : 0;
  };
}

function createBarReporter(stream: NodeJS.WritableStream, total: number): ProgressReporter {
  const rate = createRateMeter();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {percentage}% | {value}/{total} rows | {counts} | {rate} rows/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { counts: 'starting', rate: '0.0' });
  return {
    update(counts) {
      const done = finishedRows(counts);
      bar.update(done, { counts: formatCounts(counts), rate: rate(done).toFixed(1) });
    },
    stop() {
      bar.stop();
    },
  };
}

function createPlainReporter(stream: NodeJS.WritableStream, total: number): ProgressReporter {
  const rate = createRateMeter();
  let lastLineAt = 0;
  let lastDone = -1;
  let lastCounts: StatusCounts | undefined;
  const print = (counts: StatusCounts) => {
    const done = finishedRows(counts);
    const perSecond = rate(done);
    const eta = perSecond > 0 && done < total ? `, ETA ${Math.ceil((total - done) / perSecond)} s` : '';
    // No rate before there is one to show (the first line counts rows decided at once).
    const speed = perSecond > 0 ? `, ${perSecond.toFixed(1)} rows/s` : '';
    writeLine(stream, `progress: ${done}/${total} rows (${formatCounts(counts)})${speed}${eta}`);
    lastLineAt = Date.now();
    lastDone = done;
  };
  return {
    update(counts) {
      lastCounts = counts;
      const done = finishedRows(counts);
      // A line every few seconds at most, and one when everything is done, so logs stay short.
      if (done !== lastDone && (done === total || Date.now() - lastLineAt >= PLAIN_LINE_EVERY_MS)) print(counts);
    },
    stop() {
      if (lastCounts && finishedRows(lastCounts) !== lastDone) print(lastCounts);
    },
  };
}
