import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { UsageError } from '../usage-error.ts';

/** `pc-onboard cancel <import>`: the queued rows end `skipped` (error_code `cancelled`); running rows finish. */
export async function runCancelCommand(importId: string, options: { json: boolean }, deps: CliDeps): Promise<ExitCode> {
  const runtime = await deps.openRuntime(deps.loadConfig(), { worker: false });
  try {
    if (!(await runtime.service.getImport(importId))) {
      throw new UsageError(`No import has the id "${importId}". Run "pc-onboard status" to list the recent ones.`);
    }
    const skipped = await runtime.service.cancel(importId);
    if (options.json) writeLine(deps.io.stdout, JSON.stringify({ importId, skipped }));
    else writeLine(deps.io.stdout, `${skipped} queued row${skipped === 1 ? '' : 's'} of import ${importId} cancelled (now "skipped"); rows already running finish.`);
    return EXIT_CODES.ok;
  } finally {
    await runtime.close();
  }
}
