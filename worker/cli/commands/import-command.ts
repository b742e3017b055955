import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isCsvFileError } from '../../../shared/csv/csv-file-error.ts';
import type { CloudName } from '../../../shared/partner-center/clouds.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { UsageError } from '../usage-error.ts';
import type { ExitCode } from '../exit-codes.ts';
import { resultsFileName } from '../../imports/results-file-name.ts';
import { runToCompletion } from './run-to-completion.ts';
import { createReadingReporter } from '../output/reading-reporter.ts';

/** Read the file in pieces of this size: bigger ones only raise the memory a big file needs. */
const READ_CHUNK_BYTES = 256 * 1024;

export interface ImportCommandOptions {
  dryRun: boolean;
  out?: string;
  failed?: string;
  cloud?: CloudName;
  concurrency?: number;
  encoding?: string;
  json: boolean;
  lang: Language;
}

/**
 * `pc-onboard import <file>`: reads the CSV through the service (the same input the API builds
 * from an upload), runs it with an embedded worker, shows progress, writes the results file (and
 * the failed-rows file when some rows need fixing) and returns the exit code.
 */
export async function runImportCommand(file: string, options: ImportCommandOptions, deps: CliDeps): Promise<ExitCode> {
  const inputPath = resolve(file);
  await assertReadableFile(inputPath);
  const resultsPath = resolve(options.out ?? join(dirname(inputPath), resultsFileName(basename(inputPath), 'results')));
  const failedPath = resolve(options.failed ?? join(dirname(inputPath), resultsFileName(basename(inputPath), 'failed')));
  if (resultsPath === inputPath || failedPath === inputPath) {
    throw new UsageError(`--out and --failed must not name the input file ${inputPath}; choose another path.`);
  }
  if (resultsPath === failedPath) throw new UsageError('--out and --failed name the same file; give them different paths.');
  await assertDirectory(dirname(resultsPath), '--out');
  await assertDirectory(dirname(failedPath), '--failed');

  const config = deps.loadConfig();
  const runtime = await deps.openRuntime(config, { worker: true, concurrency: options.concurrency });
  try {
    writeLine(deps.io.stderr, runtime.banner);
    const reading = createReadingReporter(deps.io.stderr, basename(inputPath), options.lang);
    reading.onProgress({ phase: 'reading', rows: 0, batch: 0 });
    const summary = await runtime.service
      .createImport({
        source: { kind: 'csv', fileName: basename(inputPath), bytes: createReadStream(inputPath, { highWaterMark: READ_CHUNK_BYTES }), encoding: options.encoding },
        dryRun: options.dryRun,
        cloud: options.cloud ?? config.cloud,
        onProgress: (progress) => reading.onProgress(progress),
      })
      .catch((error: unknown) => {
        if (isCsvFileError(error)) throw new UsageError(`${inputPath}: ${error.localized[options.lang]}`, { cause: error });
        throw error;
      })
      .finally(() => reading.stop());
    return await runToCompletion(runtime.service, summary, { ...options, resultsPath, failedPath, ratePerMinute: config.rateLimitPerMinute }, deps);
  } finally {
    await runtime.close();
  }
}

async function assertReadableFile(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`Cannot read ${path}: no such file. Check the path (it is relative to ${process.cwd()}).`);
  if (!info.isFile()) throw new UsageError(`${path} is not a file; give the path of a .csv file.`);
}

async function assertDirectory(path: string, flag: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`${flag}: the folder ${path} does not exist; create it or choose another path.`);
}
