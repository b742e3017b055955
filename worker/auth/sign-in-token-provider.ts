import { createHash } from 'node:crypto';
import type { AccountInfo, AuthenticationResult } from '@azure/msal-node';
import type { RedisConnection } from '../redis/redis-connection.ts';
import type { Logger } from 'pino';
import { SignInRequiredError } from '../../shared/partner-center/sign-in-required-error.ts';
import { tokenError } from '../../shared/partner-center/token-error.ts';
import type { MsalApp } from './create-msal-app.ts';
import { msalAuthorityOptions } from '../../shared/partner-center/msal-authority.ts';
import { withRefreshLock } from './refresh-lock.ts';
import type { SignInStore } from './sign-in-store.ts';
import type { SignInTarget } from './sign-in-target.ts';

const CHECK_SETTINGS = 'Check the tenant id and the app id (pc-onboard doctor).';

/** An access token is renewed this long before it expires, so no call leaves with a dying one. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

export interface SignInTokenProvider {
  /** A bearer token from the shared sign-in; throws `SignInRequiredError` when a person must sign in. */
  getAccessToken(signal?: AbortSignal): Promise<string>;
  /** Partner Center refused this token (401): the next call refreshes instead of reusing it. */
  refused(token: string): void;
  /** True when a sign-in (or a configured refresh token) exists for the target. */
  hasSignIn(): Promise<boolean>;
}

export interface SignInTokenProviderOptions {
  target: SignInTarget;
  store: SignInStore;
  /** Serializes refreshes across workers (a refresh token is good for one refresh). */
  redis?: RedisConnection;
  keyPrefix: string;
  /** Headless set-ups: the Secure Application Model refresh token, written into the store on first use. */
  refreshToken?: string;
  clientSecret?: string;
  /**
   * The sandbox's test token: used while nobody signed in to the sandbox, so `npm start` works
   * without a sign-in; once someone does, the sign-in is used (and can be revoked).
   */
  fallbackToken?: string;
  logger?: Logger;
}

/** How long the fallback token is used before the store is looked at again (a login is noticed this fast). */
const FALLBACK_RECHECK_MS = 1000;

/**
 * Tokens of a person's sign-in (app+user), shared by every worker through the sealed MSAL cache.
 * `invalid_grant` (revoked, expired, or no sign-in at all) marks the sign-in as needed and throws
 * `SignInRequiredError`; the mark is cleared by `pc-onboard login`.
 */
export function createSignInTokenProvider(options: SignInTokenProviderOptions): SignInTokenProvider {
  const { target, store, logger } = options;
  // MSAL takes about a quarter of a second to load: it is loaded at the first token or sign-in
  // question, not as the runtime starts (an import's first progress line would wait for it).
  let msal: Promise<{ app: MsalApp }> | undefined;
  const loadMsal = () => (msal ??= import('./create-msal-app.ts').then(({ createMsalApp }) => createMsalApp(target, store, options.clientSecret)));
  // Known without MSAL, so a token error names it even when MSAL itself failed to load.
  const { authority } = msalAuthorityOptions({ authorityHost: target.authorityHost, tenantId: target.tenantId, custom: target.sandbox });
  const fingerprint = options.refreshToken ? createHash('sha256').update(options.refreshToken).digest('hex').slice(0, 16) : undefined;
  let memo: { token: string; renewAt: number } | undefined;
  let refusedToken: string | undefined;

  const signInRequired = async (reason: string, cause?: unknown): Promise<never> => {
    memo = undefined;
    if (await store.markNeeded(reason)) logger?.warn({ signIn: target.id, reason }, 'Partner Center sign-in needed: run pc-onboard login');
    throw new SignInRequiredError(reason, cause);
  };

  const acquire = async (): Promise<AuthenticationResult | 'fallback' | null> => {
    const { app } = await loadMsal();
    const accounts: AccountInfo[] = await app.getTokenCache().getAllAccounts();
    const account = accounts[0];
    if (!account) {
      const stored = await store.read();
      if (options.refreshToken && stored?.seededRefreshToken !== fingerprint) {
        // The headless path: redeem the configured token once; MSAL keeps (and rotates) it from now on.
        const result = await app.acquireTokenByRefreshToken({ refreshToken: options.refreshToken, scopes: target.scopes, forceCache: true });
        const after = await store.read();
        await store.write({ ...after, cache: after?.cache ?? '{}', seededRefreshToken: fingerprint!, ...(result?.account?.username ? { user: result.account.username } : {}), signedInAt: new Date().toISOString() });
        return result;
      }
      if (options.fallbackToken) return 'fallback';
      return signInRequired(`Nobody is signed in to Partner Center (${describeTarget(target)}).`);
    }
    const forceRefresh = refusedToken !== undefined;
    const result = await app.acquireTokenSilent({ account, scopes: target.scopes, forceRefresh });
    refusedToken = undefined;
    return result;
  };

  return {
    async getAccessToken(signal) {
      signal?.throwIfAborted();
      if (memo && memo.renewAt > Date.now() && memo.token !== refusedToken) return memo.token;
      const needed = await store.needed();
      if (needed) throw new SignInRequiredError(needed.reason);
      let result: AuthenticationResult | 'fallback' | null;
      try {
        result = await withRefreshLock(options.redis, `${options.keyPrefix}:signin-lock:${target.id}`, acquire);
      } catch (error) {
        if (error instanceof SignInRequiredError) throw error;
        if (isSignInGone(error)) return signInRequired(`The Partner Center sign-in was revoked or has expired (${describeTarget(target)}).`, error);
        throw tokenError(error, authority, CHECK_SETTINGS);
      }
      if (result === 'fallback') {
        memo = { token: options.fallbackToken!, renewAt: Date.now() + FALLBACK_RECHECK_MS };
        return options.fallbackToken!;
      }
      if (!result?.accessToken) throw tokenError(new Error('the token endpoint returned no access token'), authority, CHECK_SETTINGS);
      const expiresAt = result.expiresOn?.getTime() ?? Date.now() + 60 * 60 * 1000;
      memo = { token: result.accessToken, renewAt: Math.min(expiresAt - RENEW_BEFORE_MS, Date.now() + 30 * 60 * 1000) };
      return result.accessToken;
    },
    refused(token) {
      if (memo?.token === token) memo = undefined;
      refusedToken = token;
    },
    async hasSignIn() {
      if (options.refreshToken) return true;
      return (await (await loadMsal()).app.getTokenCache().getAllAccounts()).length > 0;
    },
  };
}

export function describeTarget(target: SignInTarget): string {
  return target.sandbox ? `the sandbox at ${target.authorityHost}` : `${target.cloud} cloud, tenant ${target.tenantId}`;
}

/** `invalid_grant` and MSAL's other "a person must sign in" answers. */
function isSignInGone(error: unknown): boolean {
  const { errorCode, name } = error as { errorCode?: string; name?: string };
  return name === 'InteractionRequiredAuthError' || ['invalid_grant', 'interaction_required', 'no_tokens_found', 'refresh_token_expired', 'bad_token', 'login_required', 'consent_required'].includes(errorCode ?? '');
}
