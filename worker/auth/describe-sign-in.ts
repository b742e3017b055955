import { SIGN_IN_AGAIN } from '../../shared/partner-center/sign-in-required-error.ts';
import type { SignInStore } from './sign-in-store.ts';
import type { SignInTarget } from './sign-in-target.ts';

/** Entra ID refresh tokens last 90 days from their last use (each refresh rotates and extends them). */
const REFRESH_TOKEN_LIFETIME_DAYS = 90;

export interface SignInStatus {
  state: 'signed-in' | 'sign-in-needed' | 'signed-out';
  /** One sentence for a person; "Sign in again: pc-onboard login" whenever they must act. */
  message: string;
  cloud: string;
  sandbox: boolean;
  tenantId: string;
  clientId: string;
  user?: string;
  signedInAt?: string;
  refreshedAt?: string;
  /** When the sign-in ends if nothing refreshes it before (90 days after the last refresh). */
  expiresAround?: string;
  /** Days until `expiresAround`, rounded down. */
  daysLeft?: number;
  /** Since when imports wait for a sign-in. */
  neededSince?: string;
}

/** What `whoami`, `doctor` and `/health` say about a sign-in. Never includes a token. */
export async function describeSignIn(target: SignInTarget, store: SignInStore): Promise<SignInStatus> {
  const base = { cloud: target.cloud, sandbox: target.sandbox, tenantId: target.tenantId, clientId: target.clientId };
  let stored;
  try {
    stored = await store.read();
  } catch (error) {
    return { ...base, state: 'sign-in-needed', message: `${(error as Error).message}` };
  }
  const needed = await store.needed();
  const hasTokens = stored !== undefined && /"RefreshToken"\s*:\s*\{\s*"/.test(stored.cache);
  const lastUse = stored?.refreshedAt ?? stored?.signedInAt;
  const expires = lastUse ? new Date(Date.parse(lastUse) + REFRESH_TOKEN_LIFETIME_DAYS * 86_400_000) : undefined;
  const details = {
    ...base,
    ...(stored?.user ? { user: stored.user } : {}),
    ...(stored?.signedInAt ? { signedInAt: stored.signedInAt } : {}),
    ...(stored?.refreshedAt ? { refreshedAt: stored.refreshedAt } : {}),
  };
  if (needed) return { ...details, state: 'sign-in-needed', neededSince: needed.since, message: `${needed.reason} ${SIGN_IN_AGAIN.en}` };
  if (!hasTokens) return { ...details, state: 'signed-out', message: target.sandbox ? 'Nobody signed in to the sandbox: imports use its test token.' : `Nobody is signed in. ${SIGN_IN_AGAIN.en}` };
  const daysLeft = expires ? Math.max(0, Math.floor((expires.getTime() - Date.now()) / 86_400_000)) : undefined;
  return {
    ...details,
    state: 'signed-in',
    ...(expires ? { expiresAround: expires.toISOString().slice(0, 10) } : {}),
    ...(daysLeft === undefined ? {} : { daysLeft }),
    message: `Signed in${stored?.user ? ` as ${stored.user}` : ''}${daysLeft === undefined ? '' : `; the sign-in lasts about ${daysLeft} more days unless revoked (every refresh extends it)`}.`,
  };
}
