import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { renderSummaryTable } from '../output/summary-table.ts';
import { UsageError } from '../usage-error.ts';

/** `pc-onboard status [import]`: one import's counts, or the recent imports when no id is given. */
export async function runStatusCommand(importId: string | undefined, options: { json: boolean }, deps: CliDeps): Promise<ExitCode> {
  const runtime = await deps.openRuntime(deps.loadConfig(), { worker: false });
  try {
    if (importId === undefined) {
      const imports = await runtime.service.listImports({ limit: 20 });
      if (options.json) writeLine(deps.io.stdout, JSON.stringify(imports, null, 2));
      else if (imports.length === 0) writeLine(deps.io.stdout, 'No imports yet. Start one with: pc-onboard import <file.csv>');
      else for (const summary of imports) writeLine(deps.io.stdout, `${summary.id}  ${summary.createdAt}  ${summary.state.padEnd(10)} ${summary.total} rows  ${summary.fileName}${summary.queuedBy ? `  by ${summary.queuedBy}` : ''}`);
      return EXIT_CODES.ok;
    }
    const summary = await runtime.service.getImport(importId);
    if (!summary) throw new UsageError(`No import has the id "${importId}". Run "pc-onboard status" to list the recent ones.`);
    if (options.json) writeLine(deps.io.stdout, JSON.stringify(summary, null, 2));
    else writeLine(deps.io.stdout, `${renderSummaryTable(summary, summary.counts)}\nstate: ${summary.state}${summary.queuedBy ? `\nqueued by: ${summary.queuedBy}` : ''}`);
    return EXIT_CODES.ok;
  } finally {
    await runtime.close();
  }
}
