import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { UsageError } from '../usage-error.ts';

/**
 * `pc-onboard reveal <import> <row>`: prints the new tenant's admin password, once. The password
 * goes to stdout only (so it can be piped into a password manager); the sign-in name to stderr.
 */
export async function runRevealCommand(importId: string, row: number, options: { json: boolean }, deps: CliDeps): Promise<ExitCode> {
  const runtime = await deps.openRuntime(deps.loadConfig(), { worker: false });
  try {
    const summary = await runtime.service.getImport(importId);
    if (!summary) {
      throw new UsageError(`No import has the id "${importId}". Run "pc-onboard status" to list the recent ones.`);
    }
    // Rows are numbered 1..total without gaps.
    if (row > summary.total) {
      throw new UsageError(
        summary.total === 0
          ? `Import ${importId} has no rows, so there is no row ${row}.`
          : `Import ${importId} has no row ${row}: its rows are 1 to ${summary.total}. Use the pc_row column of its results file.`,
      );
    }
    const secret = await runtime.service.revealPassword(importId, row);
    if (!secret) {
      const [state] = (await runtime.service.listRows(importId, { cursor: String(row - 1), limit: 1 })).items;
      if (state && state.status !== 'created') {
        throw new UsageError(`Row ${row} of import ${importId} ended "${state.status}": it created no customer, so it has no admin password.`);
      }
      throw new UsageError(
        `Row ${row} of import ${importId} has no password to reveal: it was already revealed once, or it expired. ` +
          'Reset the admin password in the Partner Center dashboard if it was lost.',
      );
    }
    if (options.json) {
      writeLine(deps.io.stdout, JSON.stringify({ importId, row, adminUser: secret.adminUser, password: secret.password }));
    } else {
      writeLine(deps.io.stderr, `Admin user: ${secret.adminUser} (the password below is shown once)`);
      writeLine(deps.io.stdout, secret.password);
    }
    return EXIT_CODES.ok;
  } finally {
    await runtime.close();
  }
}
