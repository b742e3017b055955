import type { Language } from '../../../shared/i18n/localized-message.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { importFilePaths } from '../output/write-import-files.ts';
import { UsageError } from '../usage-error.ts';
import { importFilesDir } from './import-files-dir.ts';
import { runToCompletion } from './run-to-completion.ts';

export interface ResumeCommandOptions {
  concurrency?: number;
  json: boolean;
  lang: Language;
}

/**
 * `pc-onboard resume <import>`: continues a stopped import here (the rows a cancel skipped run
 * again, pending rows get their jobs back; nothing is created twice), then writes fresh files.
 */
export async function runResumeCommand(importId: string, options: ResumeCommandOptions, deps: CliDeps): Promise<ExitCode> {
  const runtime = await deps.openRuntime(deps.loadConfig(), { worker: true, concurrency: options.concurrency });
  try {
    const before = await runtime.service.getImport(importId);
    if (!before) throw new UsageError(`No import has the id "${importId}". Run "pc-onboard status" to list the recent ones.`);
    writeLine(deps.io.stderr, runtime.banner);
    const { requeued, pending } = await runtime.service.resume(importId);
    if (pending === 0) {
      writeLine(deps.io.stderr, `Nothing to resume: every row of import ${importId} has its final status. Write its files with: pc-onboard results ${importId}`);
      if (before.counts.failed > 0) writeLine(deps.io.stderr, `Its failed rows run again with: pc-onboard retry ${importId}`);
      return EXIT_CODES.ok;
    }
    writeLine(deps.io.stderr, `Continuing import ${importId}: ${pending} row${pending === 1 ? '' : 's'} to run (${requeued} skipped by the cancel).`);
    const summary = (await runtime.service.getImport(importId)) ?? before;
    const dir = await importFilesDir(runtime.service, importId, process.cwd());
    return await runToCompletion(runtime.service, summary, { json: options.json, lang: options.lang, files: importFilePaths(dir, summary.fileName), ratePerMinute: runtime.config.rateLimitPerMinute }, deps);
  } finally {
    await runtime.close();
  }
}
