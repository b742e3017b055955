import { SUCCESS_STATUSES, ROW_STATUSES } from '../../../shared/csv/row-status.ts';
import type { ImportSummary, StatusCounts } from '../../../shared/imports/import-types.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import type { ImportService } from '../../imports/import-service.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { followImport } from '../follow-import.ts';
import { createProgressReporter } from '../output/progress-reporter.ts';
import { renderSummaryTable } from '../output/summary-table.ts';
import { writeImportFiles, type ImportFilePaths } from '../output/write-import-files.ts';

export interface RunToCompletionOptions {
  json: boolean;
  lang: Language;
  /** Where to write the files (a taken name gets `-2`, `-3`, …); none when undefined. */
  files?: Partial<ImportFilePaths>;
}

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
  deps: CliDeps,
): Promise<ExitCode> {
  const { stderr, stdout } = deps.io;
  const progress = createProgressReporter(stderr, summary.total);
  let interrupts = 0;
  const stopFollowing = new AbortController();
  let leaveNow: () => void = () => {};
  const left = new Promise<undefined>((resolve) => (leaveNow = () => resolve(undefined)));
  const removeSignalHandler = deps.onSignal(() => {
    interrupts += 1;
    if (interrupts === 1) {
      // The bar ends first, so nothing is drawn over the lines below it.
      progress.stop();
      writeLine(stderr, 'Cancelling: queued rows end "skipped"; rows already running finish first. Press Ctrl+C again to leave now (the import stays in Redis).');
      void service.cancel(summary.id).catch((error: unknown) => writeLine(stderr, `Cancel failed: ${String(error)}`));
      return;
    }
    stopFollowing.abort();
    leaveNow();
  });
  let counts: StatusCounts | undefined;
  try {
    const following = followImport(service, summary.id, {
      onProgress: (current) => {
        if (interrupts === 0) progress.update(current);
      },
      signal: stopFollowing.signal,
    });
    // Once left, the follow ends on its own; its abort is not an error.
    following.catch(() => {});
    counts = await Promise.race([following, left]);
  } finally {
    if (interrupts === 0) progress.stop();
    removeSignalHandler();
  }

  if (counts === undefined) {
    writeLine(stderr, `Left without waiting. Import ${summary.id} is kept in Redis; nothing is lost:`);
    writeLine(stderr, `  continue it:          pc-onboard resume ${summary.id}`);
    writeLine(stderr, `  write its files now:  pc-onboard results ${summary.id}`);
    deps.exitNow?.(EXIT_CODES.interrupted);
    return EXIT_CODES.interrupted;
  }

  const finalSummary = (await service.getImport(summary.id)) ?? summary;
  const cancelled = finalSummary.state === 'cancelled';
  const written = await writeImportFiles(service, summary.id, counts, options.files ?? {}, options.lang, cancelled);
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
    writeLine(stdout, renderSummaryTable(summary, counts));
    if (summary.total === 0) writeLine(stdout, 'The file has a header but no data rows: nothing to import.');
    if (written.results) writeLine(stdout, `Results: ${written.results}`);
    if (written.failed) writeLine(stdout, `Rows to fix (re-import this file once fixed): ${written.failed}`);
    if (cancelled && counts.skipped > 0) {
      writeLine(stdout, `Cancelled: the skipped rows did not run. Continue the import with: pc-onboard resume ${summary.id}`);
      if (written.skipped) writeLine(stdout, `  (or import the rows that did not run: ${written.skipped})`);
    }
    if (counts.failed > 0) writeLine(stdout, `Retry the failed rows later with: pc-onboard retry ${summary.id}`);
    if (counts.created > 0) writeLine(stdout, `Admin passwords are shown once each: pc-onboard reveal ${summary.id} <row>`);
  }
  return exitCode;
}

function allSucceeded(counts: StatusCounts): boolean {
  return counts.pending === 0 && ROW_STATUSES.every((status) => SUCCESS_STATUSES.includes(status) || counts[status] === 0);
}
