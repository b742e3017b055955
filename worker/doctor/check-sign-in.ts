import { describeSignIn } from '../auth/describe-sign-in.ts';
import type { SignInStore } from '../auth/sign-in-store.ts';
import type { SignInTarget } from '../auth/sign-in-target.ts';
import type { PartnerCenterClient } from '../../shared/partner-center/create-partner-center-client.ts';
import { isSignInRequiredError } from '../../shared/partner-center/sign-in-required-error.ts';
import type { DoctorCheck } from './doctor-check.ts';

/** Somebody is signed in (and for how much longer); on the sandbox nobody needs to be. */
export async function checkSignIn(target: SignInTarget, store: SignInStore, headlessRefreshToken: boolean): Promise<DoctorCheck> {
  const name = 'Signed in to Partner Center';
  const status = await describeSignIn(target, store);
  if (status.state === 'signed-in') {
    const soon = status.daysLeft !== undefined && status.daysLeft < 7;
    return {
      name,
      ok: !soon,
      detail: `${status.user ?? 'signed in'}, last refreshed ${status.refreshedAt ?? '?'}; lasts about ${status.daysLeft ?? '?'} more days unless revoked (every import extends it)`,
      ...(soon ? { fix: 'sign in again soon: pc-onboard login' } : {}),
    };
  }
  if (status.state === 'signed-out' && target.sandbox) return { name, ok: true, detail: 'not needed on the sandbox (its test token is used until somebody signs in)' };
  if (status.state === 'signed-out' && headlessRefreshToken) return { name, ok: true, detail: 'PARTNER_CENTER_REFRESH_TOKEN is set: it is written into the shared sign-in on first use' };
  return { name, ok: false, detail: status.message, fix: 'pc-onboard login (docs/partner-center-setup.md says which account and roles)' };
}

/** One cheap read (the reseller invitation link, §9) with the configured sign-in. */
export async function checkReadCall(client: PartnerCenterClient | undefined, where: string): Promise<DoctorCheck> {
  const name = 'A read call to Partner Center answered';
  if (!client) return { name, ok: false, detail: `no Partner Center to call (${where})`, fix: 'start pc-onboard (`npm start`): it runs the built-in sandbox.' };
  try {
    await client.getRelationshipRequestUrl({ signal: AbortSignal.timeout(15_000) });
    return { name, ok: true, detail: `GET /v1/customers/relationshiprequests answered (${where})` };
  } catch (error) {
    if (isSignInRequiredError(error)) return { name, ok: false, detail: (error as Error).message, fix: 'pc-onboard login' };
    const code = (error as { errorCode?: string }).errorCode;
    const fix =
      code === 'unauthorized' || code === 'forbidden'
        ? 'check the app registration (delegated permission user_impersonation, admin consent) and that the signed-in account has a Partner Center role: docs/partner-center-setup.md'
        : 'check the network path to Partner Center (proxy, firewall) and try again';
    return { name, ok: false, detail: `${where}: ${(error as Error).message}`, fix };
  }
}
