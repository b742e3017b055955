import { startSandbox } from '../../../sandbox/start-sandbox.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { UsageError } from '../usage-error.ts';
import { waitForSignal } from './wait-for-signal.ts';

/** `pc-onboard sandbox`: the Partner Center sandbox on its own port, for the extension and manual tests. */
export async function runSandboxCommand(options: { port?: number }, deps: CliDeps): Promise<ExitCode> {
  const fromEnv = deps.loadSandboxOptions();
  const testToken = fromEnv.testToken;
  const port = options.port ?? fromEnv.port;
  const sandbox = await startSandbox({ ...fromEnv, port, testToken }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`Port ${port} is already in use (another sandbox?). Stop it, or choose another port with --port or SANDBOX_PORT.`, { cause: error });
    }
    throw error;
  });
  const stopSignal = waitForSignal(deps);
  writeLine(deps.io.stdout, `Partner Center sandbox listening on ${sandbox.url} (no real customers are created)`);
  writeLine(deps.io.stdout, `Test token (app+user): ${testToken}`);
  writeLine(deps.io.stdout, `Inspect: ${sandbox.url}/_sandbox/stats   Ctrl+C stops it.`);
  await stopSignal;
  await sandbox.close();
  return EXIT_CODES.ok;
}
