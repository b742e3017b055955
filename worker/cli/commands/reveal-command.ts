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
    if (!(await runtime.service.getImport(importId))) {
      throw new UsageError(`No import has the id "${importId}". Run "pc-onboard status" to list the recent ones.`);
    }
    const secret = await runtime.service.revealPassword(importId, row);
    if (!secret) {
      throw new UsageError(
        `Row ${row} of import ${importId} has no password to reveal: it was already revealed once, it expired, or the row created no customer. ` +
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
