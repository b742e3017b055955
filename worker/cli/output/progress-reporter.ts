import cliProgress from 'cli-progress';
import { ROW_STATUSES } from '../../../shared/status/row-status.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import type { StatusCounts } from '../../../shared/imports/import-types.ts';
import { writeLine } from '../cli-io.ts';
import { cliText, type CliText } from './cli-text.ts';
import { formatDuration } from './estimate-eta.ts';

const SECOND = 1000;
const PLAIN_LINE_EVERY_MS = 5 * SECOND;

/** Shows an import's progress: a live bar on a TTY, plain lines otherwise (logs, CI, pipes). */
export interface ProgressReporter {
  update(counts: StatusCounts): void;
  stop(): void;
}

export interface ProgressReporterOptions {
  /** @default 'en' */
  language?: Language;
  /**
   * The time the rows still pending need, from the rate budget (see `estimateRemainingMs`).
   * Without it there is no ETA: a rate measured over a few rows swings by hours.
   */
  remainingMs?: (pendingRows: number) => number;
}

export function createProgressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }, total: number, options: ProgressReporterOptions = {}): ProgressReporter {
  // A header-only file has nothing to show (and cli-progress cannot compute an ETA for 0 rows).
  if (total === 0) return { update() {}, stop() {} };
  const text = cliText(options.language ?? 'en');
  const eta = (counts: StatusCounts) => (options.remainingMs && counts.pending > 0 ? formatDuration(options.remainingMs(counts.pending), options.language ?? 'en') : undefined);
  return stream.isTTY ? createBarReporter(stream, total, text, eta) : createPlainReporter(stream, total, text, eta);
}

/** `created 3 · exists 1 · invalid 2`: only the statuses that occurred, in contract order. */
export function formatCounts(counts: StatusCounts, text: CliText = cliText('en')): string {
  const parts = ROW_STATUSES.filter((status) => counts[status] > 0).map((status) => `${text.statusLabel(status)} ${counts[status]}`);
  return parts.length > 0 ? parts.join(' · ') : text.nothingFinished;
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

type Eta = (counts: StatusCounts) => string | undefined;

function createBarReporter(stream: NodeJS.WritableStream, total: number, text: CliText, eta: Eta): ProgressReporter {
  const rate = createRateMeter();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: text.barFormat,
      hideCursor: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { counts: text.nothingFinished, rate: '0.0', eta: '–' });
  return {
    update(counts) {
      const done = finishedRows(counts);
      bar.update(done, { counts: formatCounts(counts, text), rate: rate(done).toFixed(1), eta: eta(counts) ?? '–' });
    },
    stop() {
      bar.stop();
    },
  };
}

function createPlainReporter(stream: NodeJS.WritableStream, total: number, text: CliText, eta: Eta): ProgressReporter {
  const rate = createRateMeter();
  let lastLineAt = 0;
  let lastDone = -1;
  let lastCounts: StatusCounts | undefined;
  const print = (counts: StatusCounts) => {
    const done = finishedRows(counts);
    const perSecond = rate(done);
    // No rate before there is one to show (the first line counts rows decided at once).
    writeLine(stream, text.progressLine(done, total, formatCounts(counts, text), perSecond > 0 ? perSecond : undefined, eta(counts)));
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
