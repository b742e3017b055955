import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { waitForSignal } from './wait-for-signal.ts';

/** `pc-onboard worker`: a queue worker only, to add processing capacity against the same Redis. */
export async function runWorkerCommand(options: { concurrency?: number }, deps: CliDeps): Promise<ExitCode> {
  const config = deps.loadConfig();
  const runtime = await deps.openRuntime(config, { worker: true, concurrency: options.concurrency });
  const stopSignal = waitForSignal(deps);
  writeLine(deps.io.stderr, runtime.banner);
  writeLine(deps.io.stderr, `Worker running (concurrency ${options.concurrency ?? config.concurrency}, key prefix ${config.keyPrefix}). Ctrl+C stops it after the running rows.`);
  const signal = await stopSignal;
  writeLine(deps.io.stderr, `${signal}: stopping the worker…`);
  await runtime.close();
  return EXIT_CODES.ok;
}
