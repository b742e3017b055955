import { SUCCESS_STATUSES, ROW_STATUSES } from '../../../shared/csv/row-status.ts';
import type { ImportSummary, StatusCounts } from '../../../shared/imports/import-types.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import type { ImportService } from '../../imports/import-service.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { followImport } from '../follow-import.ts';
import type { ImportPause } from '../../auth/with-sign-in-notice.ts';
import { createProgressReporter } from '../output/progress-reporter.ts';
import { renderSummaryTable } from '../output/summary-table.ts';
import { writeResultsFile } from '../output/write-results-file.ts';
import { cliText } from '../output/cli-text.ts';
import { callsPerRow, estimateRemainingMs } from '../output/estimate-eta.ts';

export interface RunToCompletionOptions {
  json: boolean;
  lang: Language;
  /** Where to write the results file; none when undefined. */
  resultsPath?: string;
  /** Where to write the failed-rows file when some rows are invalid or failed. */
  failedPath?: string;
  /** Partner Center requests per minute for all workers (the ETA is computed from it). */
  ratePerMinute?: number;
}

/**
 * Follows a queued import to its end with a progress display (Ctrl+C cancels the queued rows),
 * writes the files, prints the summary and decides the exit code. Shared by `import` and `retry`.
 */
export async function runToCompletion(
  service: ImportService,
  summary: ImportSummary,
  options: RunToCompletionOptions,
  deps: CliDeps,
): Promise<ExitCode> {
  const { stderr, stdout } = deps.io;
  const text = cliText(options.lang);
  const rowCalls = callsPerRow(summary.dryRun);
  const progress = createProgressReporter(stderr, summary.total, {
    language: options.lang,
    ...(options.ratePerMinute ? { remainingMs: (pending: number) => estimateRemainingMs(pending, rowCalls, options.ratePerMinute!) } : {}),
  });
  let cancelling = false;
  const removeSignalHandler = deps.onSignal(() => {
    if (cancelling) return;
    cancelling = true;
    writeLine(stderr, `\n${text.cancelling}`);
    void service.cancel(summary.id).catch((error: unknown) => writeLine(stderr, `Cancel failed: ${String(error)}`));
  });
  let counts: StatusCounts;
  try {
    counts = await followImport(service, summary.id, {
      onProgress: (current) => progress.update(current),
      // The import waits, nothing failed: say what the person must do, and when it goes on.
      onPaused: (paused) => writeLine(stderr, `\n${pauseLine(paused, options.lang)}`),
    });
  } finally {
    progress.stop();
    removeSignalHandler();
  }

  const written: { results?: string; failed?: string } = {};
  if (options.resultsPath) {
    await writeResultsFile(options.resultsPath, service.resultsCsv(summary.id, 'results', options.lang));
    written.results = options.resultsPath;
  }
  if (options.failedPath && counts.invalid + counts.failed > 0) {
    await writeResultsFile(options.failedPath, service.resultsCsv(summary.id, 'failed', options.lang));
    written.failed = options.failedPath;
  }
  // A header-only file is not an error (docs/contracts/csv-format.md §3): exit 0, and the summary
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
      resultsFile: written.results ?? null,
      failedFile: written.failed ?? null,
      exitCode,
    };
    writeLine(stdout, JSON.stringify(report, null, 2));
  } else {
    writeLine(stdout, renderSummaryTable(summary, counts, options.lang));
    if (summary.total === 0) writeLine(stdout, text.noRows);
    if (written.results) writeLine(stdout, text.results(written.results));
    if (written.failed) writeLine(stdout, text.rowsToFix(written.failed));
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
