import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { isCsvFileError } from '../../../shared/csv/csv-file-error.ts';
import { readOrdersFile } from '../../../shared/orders/read-orders-file.ts';
import type { CloudName } from '../../../shared/partner-center/clouds.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import type { ImportSummary } from '../../../shared/imports/import-types.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { UsageError } from '../usage-error.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { askYesNo } from '../ask-yes-no.ts';
import { cliUser } from '../cli-user.ts';
import { contentHash as hashBytes } from '../../imports/content-hash.ts';
import { importFilePaths } from '../output/write-import-files.ts';
import { runToCompletion } from './run-to-completion.ts';
import { cliText } from '../output/cli-text.ts';
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
  /** The same file stopped before: continue that import instead of asking. */
  resume?: boolean;
  /** The same file stopped before: start a new import instead of asking. */
  new?: boolean;
  /** An orders file imported before (same bytes): apply it once more (docs/contracts/csv.md §6). */
  again?: boolean;
}

/**
 * `pc-onboard import <file>`: reads the CSV through the service (the same input the API builds
 * from an upload), runs it with an embedded worker, shows progress, writes the results file (and
 * the failed-rows file when some rows need fixing) and returns the exit code. The same file
 * (same bytes) stopped before is offered for resuming instead.
 */
export async function runImportCommand(file: string, options: ImportCommandOptions, deps: CliDeps): Promise<ExitCode> {
  if (options.resume && options.new) throw new UsageError('--resume and --new contradict each other; give one of them.');
  const inputPath = resolve(file);
  await assertReadableFile(inputPath);
  const defaults = importFilePaths(dirname(inputPath), basename(inputPath));
  const resultsPath = resolve(options.out ?? defaults.results);
  const failedPath = resolve(options.failed ?? defaults.failed);
  if (resultsPath === inputPath || failedPath === inputPath) {
    throw new UsageError(`--out and --failed must not name the input file ${inputPath}; choose another path.`);
  }
  if (resultsPath === failedPath) throw new UsageError('--out and --failed name the same file; give them different paths.');
  await assertDirectory(dirname(resultsPath), '--out');
  await assertDirectory(dirname(failedPath), '--failed');
  const files = { results: resultsPath, failed: failedPath, skipped: defaults.skipped };
  const config = deps.loadConfig();
  // The file's hash (to recognise a re-run) is computed while the runtime starts, not before it:
  // both stand between the command and its first progress line.
  const [hashed, opened] = await Promise.allSettled([hashBytes(createReadStream(inputPath)), deps.openRuntime(config, { worker: true, concurrency: options.concurrency })]);
  if (opened.status === 'rejected') throw opened.reason;
  const runtime = opened.value;
  try {
    if (hashed.status === 'rejected') throw hashed.reason;
    const contentHash = hashed.value;
    writeLine(deps.io.stderr, runtime.banner);
    const earlier = await runtime.service.findImportOfFile(contentHash);
    if (earlier && earlier.dryRun === options.dryRun && earlier.cloud === (options.cloud ?? config.cloud) && isStopped(earlier)) {
      const choice = await chooseResume(inputPath, earlier, options, deps);
      if (choice === undefined) {
        writeLine(deps.io.stderr, cliText(options.lang).nothingImported);
        return EXIT_CODES.interrupted;
      }
      if (choice === 'resume') {
        const { requeued } = await runtime.service.resume(earlier.id);
        writeLine(deps.io.stderr, cliText(options.lang).continuing(earlier.id, requeued));
        const summary = (await runtime.service.getImport(earlier.id)) ?? earlier;
        return await runToCompletion(runtime.service, summary, { json: options.json, lang: options.lang, files, ratePerMinute: config.rateLimitPerMinute }, deps);
      }
    } else if (options.resume) {
      writeLine(deps.io.stderr, `--resume: no stopped import of ${basename(inputPath)} was found, so it is imported now.`);
    }
    const reading = createReadingReporter(deps.io.stderr, basename(inputPath), options.lang);
    reading.onProgress({ phase: 'reading', rows: 0, batch: 0 });
    const summary = await runtime.service
      .createImport({
        source: { kind: 'csv', fileName: basename(inputPath), bytes: createReadStream(inputPath, { highWaterMark: READ_CHUNK_BYTES }), encoding: options.encoding },
        dryRun: options.dryRun,
        cloud: options.cloud ?? config.cloud,
        queuedBy: cliUser(),
        contentHash,
        sourceDir: dirname(inputPath),
        ...(options.again ? { again: true } : {}),
        onProgress: (progress) => reading.onProgress(progress),
      })
      .catch((error: unknown) => {
        if (isCsvFileError(error)) throw new UsageError(`${inputPath}: ${error.localized[options.lang]}`, { cause: error });
        throw error;
      })
      .finally(() => reading.stop());
    const customers = summary.kind === 'orders' && summary.dryRun ? await customerCells(inputPath, options.encoding) : undefined;
    return await runToCompletion(
      runtime.service,
      summary,
      { json: options.json, lang: options.lang, files, ratePerMinute: (config.rateLimitPerMinute * 60_000) / config.rateLimitWindowMs, ...(customers ? { customers } : {}) },
      deps,
    );
  } finally {
    await runtime.close();
  }
}

/** An orders file's customer cell per row, as the user wrote it: the dry run's plan names the row's customer so. */
async function customerCells(inputPath: string, encoding: string | undefined): Promise<Map<number, string>> {
  const file = await readOrdersFile(createReadStream(inputPath), encoding ? { encoding } : {});
  const column = file.keys.indexOf('customer');
  return new Map(file.rows.map((row) => [row.row, row.cells[column] ?? '']));
}

/** Stopped before its end: cancelled with rows skipped, or rows still pending (the process left). */
function isStopped(summary: ImportSummary): boolean {
  return summary.counts.pending > 0 || (summary.state === 'cancelled' && summary.counts.skipped > 0);
}

/** `--resume`/`--new` decide; on a terminal the user is asked; elsewhere the message says how to choose. */
async function chooseResume(inputPath: string, earlier: ImportSummary, options: ImportCommandOptions, deps: CliDeps): Promise<'resume' | 'new' | undefined> {
  if (options.resume) return 'resume';
  if (options.new) return 'new';
  const text = cliText(options.lang);
  const what = text.stoppedBefore(basename(inputPath), earlier.id, earlier.createdAt.slice(0, 16).replace('T', ' '), earlier.counts.pending + earlier.counts.skipped);
  if (!deps.io.stdin?.isTTY || !deps.io.stderr.isTTY) {
    throw new UsageError(
      `${what} Continue that import: add --resume (or run "pc-onboard resume ${earlier.id}"). Start a new import instead: add --new (customers created before end "created" with a note, nothing is created twice).`,
    );
  }
  writeLine(deps.io.stderr, what);
  const answer = await askYesNo(deps.io, text.continueQuestion, true);
  return answer === undefined ? undefined : answer ? 'resume' : 'new';
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
