import { resolve } from 'node:path';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { UsageError } from '../usage-error.ts';
import { runToCompletion } from './run-to-completion.ts';
import { importFilePaths } from '../output/write-import-files.ts';
import { importFilesDir } from './import-files-dir.ts';

export interface RetryCommandOptions {
  /** Process the re-queued rows here with an embedded worker (default), or leave them to `serve`/`worker`. */
  wait: boolean;
  out?: string;
  failed?: string;
  concurrency?: number;
  json: boolean;
  lang: Language;
}

/**
 * `pc-onboard retry <import>`: re-queues the failed rows and, by default, runs them to the end
 * here and writes fresh results and failed-rows files (never over the earlier ones).
 */
export async function runRetryCommand(importId: string, options: RetryCommandOptions, deps: CliDeps): Promise<ExitCode> {
  const runtime = await deps.openRuntime(deps.loadConfig(), { worker: options.wait, concurrency: options.concurrency });
  try {
    const before = await runtime.service.getImport(importId);
    if (!before) throw new UsageError(`No import has the id "${importId}". Run "pc-onboard status" to list the recent ones.`);
    const requeued = await runtime.service.retryFailed(importId);
    if (requeued === 0) {
      writeLine(
        deps.io.stderr,
        `Nothing to retry: no row of import ${importId} ended "failed". Rows that ended "invalid" need fixing in the file (see its failed-rows file, or write it again with: pc-onboard results ${importId}) and a new import.`,
      );
      if (options.json) writeLine(deps.io.stdout, JSON.stringify({ importId, requeued: 0, counts: before.counts, exitCode: EXIT_CODES.ok }, null, 2));
      return EXIT_CODES.ok;
    }
    writeLine(deps.io.stderr, `${requeued} failed row${requeued === 1 ? '' : 's'} of import ${importId} re-queued.`);
    if (!options.wait) {
      writeLine(deps.io.stderr, 'A running "pc-onboard serve" or "pc-onboard worker" processes them. Write the files afterwards with: pc-onboard results ' + importId);
      return EXIT_CODES.ok;
    }
    writeLine(deps.io.stderr, runtime.banner);
    const summary = (await runtime.service.getImport(importId)) ?? before;
    const defaults = importFilePaths(await importFilesDir(runtime.service, importId, process.cwd()), summary.fileName);
    const files = {
      ...defaults,
      ...(options.out === undefined ? {} : { results: resolve(options.out) }),
      ...(options.failed === undefined ? {} : { failed: resolve(options.failed) }),
    };
    // Fresh files when it ends: the retried rows with their new statuses and customer ids.
    return await runToCompletion(runtime.service, summary, { json: options.json, lang: options.lang, files, ratePerMinute: runtime.config.rateLimitPerMinute }, deps);
  } finally {
    await runtime.close();
  }
}
