import type { DeviceCodeRequest } from '@azure/msal-node';
import { createPublicMsalApp } from '../../auth/create-msal-app.ts';
import { describeTarget } from '../../auth/sign-in-token-provider.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { openSignIn, type SignInFlags } from '../sign-in/open-sign-in.ts';

/**
 * `pc-onboard login`: the device-code flow (docs/contracts/partner-center.md §0.18). Prints the code and the
 * page to enter it on (a person signs in there, MFA included; nothing is opened by itself), waits,
 * and keeps the sign-in where every worker finds it. Imports waiting for a sign-in go on.
 */
export async function runLoginCommand(flags: SignInFlags, deps: CliDeps): Promise<ExitCode> {
  const { io } = deps;
  const signIn = await openSignIn(deps.loadConfig(), flags);
  const { target, store } = signIn;
  const request = {
    scopes: target.scopes,
    cancel: false,
    deviceCodeCallback: (response: Parameters<DeviceCodeRequest['deviceCodeCallback']>[0]) => {
      writeLine(io.stdout, response.message);
      writeLine(io.stdout, `Code: ${response.userCode}   Page: ${response.verificationUri}   (valid for ${Math.round(response.expiresIn / 60)} minutes)`);
      if (target.sandbox) {
        writeLine(io.stdout, `This is the sandbox: approve on that page, or with curl -X POST ${target.authorityHost}/_sandbox/device/approve -H 'Content-Type: application/json' -d '{"user_code":"${response.userCode}"}'`);
      }
      writeLine(io.stdout, 'Waiting for the sign-in…');
    },
  };
  const stopListening = deps.onSignal(() => {
    request.cancel = true;
  });
  try {
    writeLine(io.stderr, `Signing in to Partner Center: ${describeTarget(target)}, app ${target.clientId}.`);
    const app = createPublicMsalApp(target, store);
    let result;
    try {
      result = await app.acquireTokenByDeviceCode(request);
    } catch (error) {
      writeLine(io.stderr, `pc-onboard: the sign-in did not complete: ${explain(error)}`);
      return EXIT_CODES.usage;
    }
    const account = result?.account;
    if (!account) {
      writeLine(io.stderr, 'pc-onboard: the sign-in returned no account; try again.');
      return EXIT_CODES.usage;
    }
    // One person per shared sign-in: an earlier account of this tenant and app is replaced.
    const cache = app.getTokenCache();
    for (const other of await cache.getAllAccounts()) if (other.homeAccountId !== account.homeAccountId) await cache.removeAccount(other);
    const now = new Date().toISOString();
    const stored = await store.read();
    await store.write({ ...stored, cache: stored?.cache ?? '{}', user: account.username, signedInAt: now, refreshedAt: now });
    await store.clearNeeded();
    writeLine(io.stdout, `Signed in as ${account.username} (${describeTarget(target)}). Imports that were waiting for a sign-in go on by themselves.`);
    writeLine(io.stdout, store.where === 'redis' ? 'Kept encrypted in Redis, shared by every worker.' : 'No Redis is running: kept encrypted in the data directory; the next worker takes it over.');
    if (signIn.differsFromConfig) {
      writeLine(io.stdout, `The worker uses this sign-in when PC_ONBOARD_CLOUD=${target.cloud} PARTNER_CENTER_TENANT_ID=${target.tenantId} PARTNER_CENTER_CLIENT_ID=${target.clientId} are set.`);
    }
    return EXIT_CODES.ok;
  } finally {
    stopListening();
    await signIn.close();
  }
}

/** MSAL's error codes in words a person can act on. */
function explain(error: unknown): string {
  const text = `${(error as { errorCode?: string }).errorCode ?? ''} ${(error as Error).message ?? String(error)}`;
  if (/authorization_declined/.test(text)) return 'the sign-in was declined. Run pc-onboard login again and approve it.';
  if (/expired_token|device_code_expired/.test(text)) return 'the code expired (15 minutes). Run pc-onboard login again.';
  if (/cancelled/.test(text)) return 'cancelled.';
  if (/AADSTS7000218|client_assertion|client_secret/.test(text)) return 'the app registration does not allow public client flows. Turn on "Allow public client flows" (docs/partner-center-setup.md).';
  if (/AADSTS65001|consent/.test(text)) return 'the app has no consent for Partner Center. Grant admin consent (docs/partner-center-setup.md).';
  return (error as Error).message ?? String(error);
}
