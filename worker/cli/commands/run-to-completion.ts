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
import { writeResultsFile } from '../output/write-results-file.ts';

export interface RunToCompletionOptions {
  json: boolean;
  lang: Language;
  /** Where to write the results file; none when undefined. */
  resultsPath?: string;
  /** Where to write the failed-rows file when some rows are invalid or failed. */
  failedPath?: string;
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
  const progress = createProgressReporter(stderr, summary.total);
  let cancelling = false;
  const removeSignalHandler = deps.onSignal(() => {
    if (cancelling) return;
    cancelling = true;
    writeLine(stderr, '\nCancelling: queued rows end "skipped"; rows already running finish first.');
    void service.cancel(summary.id).catch((error: unknown) => writeLine(stderr, `Cancel failed: ${String(error)}`));
  });
  let counts: StatusCounts;
  try {
    counts = await followImport(service, summary.id, {
      onProgress: (current) => progress.update(current),
      // The import waits, nothing failed: say what the person must do, and when it goes on.
      onPaused: (paused) => writeLine(stderr, paused ? `\nPaused: ${paused.en}. The import goes on by itself after the sign-in; Ctrl+C cancels it.` : '\nSigned in again: the import goes on.'),
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
    writeLine(stdout, renderSummaryTable(summary, counts));
    if (summary.total === 0) writeLine(stdout, 'The file has a header but no data rows: nothing to import.');
    if (written.results) writeLine(stdout, `Results: ${written.results}`);
    if (written.failed) writeLine(stdout, `Rows to fix (re-import this file once fixed): ${written.failed}`);
    if (counts.failed > 0) writeLine(stdout, `Retry the failed rows later with: pc-onboard retry ${summary.id}`);
    if (counts.created > 0) writeLine(stdout, `Admin passwords are shown once each: pc-onboard reveal ${summary.id} <row>`);
  }
  return exitCode;
}

function allSucceeded(counts: StatusCounts): boolean {
  return counts.pending === 0 && ROW_STATUSES.every((status) => SUCCESS_STATUSES.includes(status) || counts[status] === 0);
}
