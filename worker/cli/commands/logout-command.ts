import { describeTarget } from '../../auth/sign-in-token-provider.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { openSignIn, type SignInFlags } from '../sign-in/open-sign-in.ts';

/** `pc-onboard logout`: forgets the shared sign-in (Redis and file). Imports then wait for a new one. */
export async function runLogoutCommand(flags: SignInFlags, deps: CliDeps): Promise<ExitCode> {
  const config = deps.loadConfig();
  const signIn = await openSignIn(config, flags);
  try {
    const had = await signIn.store.read().catch(() => undefined);
    await signIn.store.clear();
    writeLine(deps.io.stdout, had ? `Signed out${had.user ? ` ${had.user}` : ''} (${describeTarget(signIn.target)}).` : `Nobody was signed in (${describeTarget(signIn.target)}).`);
    if (config.partnerCenter?.refreshToken && !signIn.differsFromConfig) {
      writeLine(deps.io.stdout, 'PARTNER_CENTER_REFRESH_TOKEN is still set: the worker signs in with it again. Unset it to stay signed out.');
    }
    return EXIT_CODES.ok;
  } finally {
    await signIn.close();
  }
}
