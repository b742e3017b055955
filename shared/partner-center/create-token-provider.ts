import { ConfidentialClientApplication, type AccountInfo, type AuthenticationResult, type Configuration } from '@azure/msal-node';
import { msalAuthorityOptions } from './msal-authority.ts';
import { resolveCloud, type CloudConfig, type CloudName } from './clouds.ts';
import { tokenError } from './token-error.ts';

/**
 * Node only (uses @azure/msal-node). Tokens for Partner Center, acquired, cached and refreshed by
 * MSAL — no hand-written OAuth.
 */
export interface TokenProviderConfig {
  cloud: CloudName | CloudConfig;
  /** The partner's Entra tenant id (or domain). */
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /**
   * `app+user` (secure application model: redeem `refreshToken`) is needed for MCA attestation and
   * indirect-reseller customers; `app-only` (client credentials) serves the rest (docs/contracts/partner-center.md §1).
   * @default 'app+user' when a refresh token is given, else 'app-only'
   */
  mode?: 'app+user' | 'app-only';
  refreshToken?: string;
  /**
   * Overrides the cloud's sign-in authority host, e.g. the sandbox URL. An `http://` host (the
   * local sandbox) is reached through a fetch-based MSAL network client, because MSAL only accepts
   * https authorities: MSAL is configured with the https form and the client sends plain http.
   */
  authorityHost?: string;
  /** @default globalThis.fetch (used only for an http authority host) */
  fetch?: typeof fetch;
}

export interface TokenProvider {
  mode: 'app+user' | 'app-only';
  /** A bearer token for the Partner Center API; served from MSAL's cache while valid. */
  getAccessToken(signal?: AbortSignal): Promise<string>;
}

/**
 * @example
 * const tokens = createTokenProvider({ cloud: 'global', tenantId, clientId, clientSecret, refreshToken });
 * const client = createPartnerCenterClient({ cloud: 'global', getAccessToken: tokens.getAccessToken });
 */
const CHECK_SETTINGS = 'Check the tenant id, app id, secret and refresh token.';

export function createTokenProvider(config: TokenProviderConfig): TokenProvider {
  const cloud = typeof config.cloud === 'string' ? resolveCloud(config.cloud) : config.cloud;
  const mode = config.mode ?? (config.refreshToken ? 'app+user' : 'app-only');
  if (mode === 'app+user' && !config.refreshToken) {
    throw new TypeError('An app+user token provider needs the refresh token from the secure application model consent (PC_REFRESH_TOKEN).');
  }
  const described = msalAuthorityOptions({
    authorityHost: config.authorityHost ?? cloud.authorityHost,
    tenantId: config.tenantId,
    custom: config.authorityHost !== undefined,
    ...(config.fetch ? { fetch: config.fetch } : {}),
  });
  const authority = described.authority;
  const msalConfig: Configuration = {
    auth: { ...described.auth, clientId: config.clientId, clientSecret: config.clientSecret },
    ...(described.system ? { system: described.system } : {}),
  };
  const msal = new ConfidentialClientApplication(msalConfig);
  let account: AccountInfo | null = null;

  const acquire = async (): Promise<AuthenticationResult | null> => {
    if (mode === 'app-only') return msal.acquireTokenByClientCredential({ scopes: [cloud.appScope] });
    const scopes = [cloud.userScope];
    if (account) {
      try {
        return await msal.acquireTokenSilent({ account, scopes });
      } catch {
        // The cached refresh token was refused: start again from the configured one.
        account = null;
      }
    }
    // forceCache: keep the redeemed tokens in MSAL's cache (the ADAL-migration path), so later
    // calls are served by acquireTokenSilent, which also refreshes with the cached refresh token.
    const result = await msal.acquireTokenByRefreshToken({ refreshToken: config.refreshToken!, scopes, forceCache: true });
    account = result?.account ?? null;
    return result;
  };

  return {
    mode,
    async getAccessToken(signal) {
      signal?.throwIfAborted();
      let result: AuthenticationResult | null;
      try {
        result = await acquire();
      } catch (error) {
        throw tokenError(error, authority, CHECK_SETTINGS);
      }
      if (!result?.accessToken) throw tokenError(new Error('the token endpoint returned no access token'), authority, CHECK_SETTINGS);
      return result.accessToken;
    },
  };
}
