import { SUCCESS_STATUSES, ROW_STATUSES } from '../../../shared/status/row-status.ts';
import type { ImportPause, ImportSummary, StatusCounts } from '../../../shared/imports/import-types.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import type { ImportService } from '../../imports/import-service.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { followImport } from '../follow-import.ts';
import { createProgressReporter } from '../output/progress-reporter.ts';
import { renderSummaryTable } from '../output/summary-table.ts';
import { writeImportFiles, type ImportFilePaths } from '../output/write-import-files.ts';
import { cliText } from '../output/cli-text.ts';
import { callsPerRow, estimateRemainingMs } from '../output/estimate-eta.ts';
import { printOrdersPlan } from '../output/print-orders-plan.ts';

export interface RunToCompletionOptions {
  json: boolean;
  lang: Language;
  /** Where to write the files (a taken name gets `-2`, `-3`, …); none when undefined. */
  files?: Partial<ImportFilePaths>;
  /** Partner Center requests per minute for all workers (the ETA is computed from it). */
  ratePerMinute?: number;
  /** An orders dry run: the customer cell of each row, for the plan's lines. */
  customers?: ReadonlyMap<number, string>;
}

/** What following an import needs of the command's deps: the terminal, its Ctrl+C, leaving at once. */
export type FollowDeps = Pick<CliDeps, 'io' | 'onSignal' | 'exitNow'>;

/**
 * Follows a queued import to its end with a progress display, writes the files, prints the
 * summary and decides the exit code. Shared by `import`, `resume` and `retry`.
 * The first Ctrl+C ends the progress display on its own line, says so, and cancels the queued
 * rows (running rows finish); the files and the summary follow, with how to resume. A second
 * Ctrl+C leaves at once: every row is either final or pending in Redis, so `resume` continues.
 */
export async function runToCompletion(
  service: ImportService,
  summary: ImportSummary,
  options: RunToCompletionOptions,
  deps: FollowDeps,
): Promise<ExitCode> {
  const { stderr } = deps.io;
  const text = cliText(options.lang);
  const rowCalls = callsPerRow(summary.dryRun);
  const progress = createProgressReporter(stderr, summary.total, {
    language: options.lang,
    ...(options.ratePerMinute ? { remainingMs: (pending: number) => estimateRemainingMs(pending, rowCalls, options.ratePerMinute!) } : {}),
  });
  let interrupts = 0;
  let followed = false;
  const stopFollowing = new AbortController();
  let leaveNow: () => void = () => {};
  const left = new Promise<undefined>((resolve) => (leaveNow = () => resolve(undefined)));
  /** Says how to get the results, and ends the process (the command returns when there is no `exitNow`). */
  const leaveAtOnce = () => {
    for (const line of text.leftWithoutWaiting(summary.id)) writeLine(stderr, line);
    deps.exitNow?.(EXIT_CODES.interrupted);
  };
  // Installed for the whole command, files and summary included: a Ctrl+C that comes after the
  // rows settled (a cancel can settle them before the person presses again) must not meet
  // Node's default, which ends the process without a word.
  const removeSignalHandler = deps.onSignal(() => {
    interrupts += 1;
    if (followed) {
      leaveAtOnce();
      return;
    }
    if (interrupts === 1) {
      // The bar ends first, so nothing is drawn over the lines below it.
      progress.stop();
      writeLine(stderr, `${text.cancelling} ${text.leaveHint}`);
      void service.cancel(summary.id).catch((error: unknown) => writeLine(stderr, `Cancel failed: ${String(error)}`));
      return;
    }
    stopFollowing.abort();
    leaveNow();
  });
  try {
    let counts: StatusCounts | undefined;
    try {
      const following = followImport(service, summary.id, {
        onProgress: (current) => {
          if (interrupts === 0) progress.update(current);
        },
        // The import waits, nothing failed: say what the person must do, and when it goes on.
        onPaused: (paused) => writeLine(stderr, `\n${pauseLine(paused, options.lang)}`),
        signal: stopFollowing.signal,
      });
      // Once left, the follow ends on its own; its abort is not an error.
      following.catch(() => {});
      counts = await Promise.race([following, left]);
    } finally {
      followed = true;
      if (interrupts === 0) progress.stop();
    }

    if (counts === undefined) {
      leaveAtOnce();
      return EXIT_CODES.interrupted;
    }
    return await finish(service, summary, counts, options, deps);
  } finally {
    removeSignalHandler();
  }
}

/** Writes the files, prints the summary (or the JSON report) and decides the exit code. */
async function finish(service: ImportService, summary: ImportSummary, counts: StatusCounts, options: RunToCompletionOptions, deps: FollowDeps): Promise<ExitCode> {
  const { stdout } = deps.io;
  const text = cliText(options.lang);
  const finalSummary = (await service.getImport(summary.id)) ?? summary;
  const cancelled = finalSummary.state === 'cancelled';
  const written = await writeImportFiles(service, summary.id, counts, options.files ?? {}, options.lang, cancelled);
  // A header-only file is not an error (docs/contracts/csv.md §3): exit 0, and the summary
  // says plainly that nothing was imported.
  const exitCode = allSucceeded(counts) ? EXIT_CODES.ok : EXIT_CODES.rowsNotDone;

  if (options.json) {
    const report = {
      importId: summary.id,
      fileName: summary.fileName,
      dryRun: summary.dryRun,
      cloud: summary.cloud,
      total: summary.total,
      blankLines: summary.blankLines,
      counts,
      cancelled,
      queuedBy: finalSummary.queuedBy ?? null,
      resultsFile: written.results ?? null,
      failedFile: written.failed ?? null,
      skippedFile: written.skipped ?? null,
      exitCode,
    };
    writeLine(stdout, JSON.stringify(report, null, 2));
  } else {
    if (summary.kind === 'orders' && summary.dryRun) await printOrdersPlan(service, summary.id, stdout, options.lang, options.customers);
    writeLine(stdout, renderSummaryTable(summary, counts, options.lang));
    if (summary.total === 0) writeLine(stdout, text.noRows);
    if (written.results) writeLine(stdout, text.results(written.results));
    if (written.failed) writeLine(stdout, text.rowsToFix(written.failed));
    if (cancelled && counts.skipped > 0) {
      writeLine(stdout, text.resumeHint(summary.id));
      if (written.skipped) writeLine(stdout, text.skippedFile(written.skipped));
    }
    if (counts.failed > 0) writeLine(stdout, text.retryHint(summary.id));
    if (counts.created > 0) writeLine(stdout, text.revealHint(summary.id));
  }
  return exitCode;
}

function allSucceeded(counts: StatusCounts): boolean {
  return counts.pending === 0 && ROW_STATUSES.every((status) => SUCCESS_STATUSES.includes(status) || counts[status] === 0);
}

/** What the CLI says when the import starts or stops waiting for a sign-in. */
function pauseLine(paused: ImportPause | undefined, lang: Language): string {
  if (lang === 'ja') return paused ? `${paused.message.ja}（Ctrl+C で取り消し）` : '再度サインインしました: インポートを再開します。';
  return paused ? `${paused.message.en} Ctrl+C cancels it.` : 'Signed in again: the import goes on.';
}
