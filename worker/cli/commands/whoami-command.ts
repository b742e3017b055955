import { describeSignIn } from '../../auth/describe-sign-in.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { openSignIn, type SignInFlags } from '../sign-in/open-sign-in.ts';

/** `pc-onboard whoami`: the cloud, tenant, signed-in person and when the sign-in was last refreshed. */
export async function runWhoamiCommand(flags: SignInFlags & { json: boolean }, deps: CliDeps): Promise<ExitCode> {
  const signIn = await openSignIn(deps.loadConfig(), flags);
  try {
    const status = await describeSignIn(signIn.target, signIn.store);
    if (flags.json) {
      writeLine(deps.io.stdout, JSON.stringify(status, null, 2));
    } else {
      writeLine(deps.io.stdout, `cloud:           ${status.cloud}${status.sandbox ? ` (the sandbox at ${signIn.target.authorityHost})` : ''}`);
      writeLine(deps.io.stdout, `tenant:          ${status.tenantId}`);
      writeLine(deps.io.stdout, `app:             ${status.clientId}`);
      writeLine(deps.io.stdout, `user:            ${status.user ?? '(nobody signed in)'}`);
      if (status.signedInAt) writeLine(deps.io.stdout, `signed in:       ${status.signedInAt}`);
      if (status.refreshedAt) writeLine(deps.io.stdout, `last refreshed:  ${status.refreshedAt}`);
      if (status.expiresAround) writeLine(deps.io.stdout, `lasts until:     about ${status.expiresAround} if unused (each refresh extends it)`);
      writeLine(deps.io.stdout, `state:           ${status.message}`);
    }
    return status.state === 'signed-in' ? EXIT_CODES.ok : EXIT_CODES.rowsNotDone;
  } finally {
    await signIn.close();
  }
}
