import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { importFilePaths, writeImportFiles } from '../output/write-import-files.ts';
import { UsageError } from '../usage-error.ts';
import { importFilesDir } from './import-files-dir.ts';

export interface ResultsCommandOptions {
  dir?: string;
  json: boolean;
  lang: Language;
}

/**
 * `pc-onboard results <import>`: writes the results file (and the failed-rows and skipped-rows
 * files when they have rows) again from the stored import, at any time, never over an existing
 * file; prints the paths written.
 */
export async function runResultsCommand(importId: string, options: ResultsCommandOptions, deps: CliDeps): Promise<ExitCode> {
  const runtime = await deps.openRuntime(deps.loadConfig(), { worker: false });
  try {
    const summary = await runtime.service.getImport(importId);
    if (!summary) throw new UsageError(`No import has the id "${importId}". Run "pc-onboard status" to list the recent ones.`);
    const dir = options.dir === undefined ? await importFilesDir(runtime.service, importId, process.cwd()) : resolve(options.dir);
    if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new UsageError(`--dir: the folder ${dir} does not exist; create it or choose another.`);
    const written = await writeImportFiles(runtime.service, importId, summary.counts, importFilePaths(dir, summary.fileName), options.lang, summary.state === 'cancelled');
    if (options.json) {
      writeLine(deps.io.stdout, JSON.stringify({ importId, counts: summary.counts, resultsFile: written.results ?? null, failedFile: written.failed ?? null, skippedFile: written.skipped ?? null }, null, 2));
      return EXIT_CODES.ok;
    }
    if (summary.counts.pending > 0) writeLine(deps.io.stderr, `Import ${importId} is not finished: ${summary.counts.pending} rows are still pending (shown as "pending").`);
    if (written.results) writeLine(deps.io.stdout, `Results: ${written.results}`);
    if (written.failed) writeLine(deps.io.stdout, `Rows to fix (re-import this file once fixed): ${written.failed}`);
    if (written.skipped) writeLine(deps.io.stdout, `Rows that did not run (import this file, or: pc-onboard resume ${importId}): ${written.skipped}`);
    return EXIT_CODES.ok;
  } finally {
    await runtime.close();
  }
}
