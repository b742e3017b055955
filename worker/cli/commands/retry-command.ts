import { resolve } from 'node:path';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { UsageError } from '../usage-error.ts';
import { runToCompletion } from './run-to-completion.ts';

export interface RetryCommandOptions {
  /** Process the re-queued rows here with an embedded worker (default), or leave them to `serve`/`worker`. */
  wait: boolean;
  out?: string;
  failed?: string;
  concurrency?: number;
  json: boolean;
  lang: Language;
}

/** `pc-onboard retry <import>`: re-queues the failed rows and, by default, runs them to the end here. */
export async function runRetryCommand(importId: string, options: RetryCommandOptions, deps: CliDeps): Promise<ExitCode> {
  const runtime = await deps.openRuntime(deps.loadConfig(), { worker: options.wait, concurrency: options.concurrency });
  try {
    const before = await runtime.service.getImport(importId);
    if (!before) throw new UsageError(`No import has the id "${importId}". Run "pc-onboard status" to list the recent ones.`);
    const requeued = await runtime.service.retryFailed(importId);
    writeLine(
      deps.io.stderr,
      requeued > 0
        ? `${requeued} failed row${requeued === 1 ? '' : 's'} of import ${importId} re-queued.`
        : `Nothing to retry: no row of import ${importId} ended "failed". Rows that ended "invalid" need fixing in the file (see its failed-rows file) and a new import.`,
    );
    if (!options.wait) {
      if (requeued > 0) writeLine(deps.io.stderr, 'A running "pc-onboard serve" or "pc-onboard worker" processes them.');
      return EXIT_CODES.ok;
    }
    writeLine(deps.io.stderr, runtime.banner);
    const summary = (await runtime.service.getImport(importId)) ?? before;
    return await runToCompletion(
      runtime.service,
      summary,
      {
        json: options.json,
        lang: options.lang,
        resultsPath: options.out === undefined ? undefined : resolve(options.out),
        failedPath: options.failed === undefined ? undefined : resolve(options.failed),
        ratePerMinute: runtime.config.rateLimitPerMinute,
      },
      deps,
    );
  } finally {
    await runtime.close();
  }
}
