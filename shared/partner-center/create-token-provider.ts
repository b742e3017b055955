import { ConfidentialClientApplication, type AccountInfo, type AuthenticationResult, type Configuration, type INetworkModule } from '@azure/msal-node';
import { resolveCloud, type CloudConfig, type CloudName } from './clouds.ts';
import { PartnerCenterError } from './partner-center-error.ts';

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
   * indirect-reseller customers; `app-only` (client credentials) serves the rest (docs/contracts/partner-center-api.md §1).
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
export function createTokenProvider(config: TokenProviderConfig): TokenProvider {
  const cloud = typeof config.cloud === 'string' ? resolveCloud(config.cloud) : config.cloud;
  const mode = config.mode ?? (config.refreshToken ? 'app+user' : 'app-only');
  if (mode === 'app+user' && !config.refreshToken) {
    throw new TypeError('An app+user token provider needs the refresh token from the secure application model consent (PC_REFRESH_TOKEN).');
  }
  const host = (config.authorityHost ?? cloud.authorityHost).replace(/\/+$/, '');
  const plainHttp = host.startsWith('http://');
  const secureHost = plainHttp ? `https://${host.slice('http://'.length)}` : host;
  const authority = `${secureHost}/${config.tenantId}`;
  const auth: Configuration['auth'] = { clientId: config.clientId, clientSecret: config.clientSecret, authority };
  const msalConfig: Configuration = { auth };
  if (config.authorityHost) {
    // A non-Microsoft host: trust it and describe it, so MSAL runs no instance discovery.
    const hostName = new URL(secureHost).host;
    auth.knownAuthorities = [hostName];
    auth.authorityMetadata = JSON.stringify({
      token_endpoint: `${authority}/oauth2/v2.0/token`,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      issuer: `${authority}/v2.0`,
      jwks_uri: `${authority}/discovery/v2.0/keys`,
    });
    auth.cloudDiscoveryMetadata = JSON.stringify({
      tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: hostName, preferred_cache: hostName, aliases: [hostName] }],
    });
  }
  if (plainHttp) msalConfig.system = { networkClient: createHttpNetworkClient(secureHost, host, config.fetch ?? globalThis.fetch) };
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
        throw tokenError(error, authority);
      }
      if (!result?.accessToken) throw tokenError(new Error('the token endpoint returned no access token'), authority);
      return result.accessToken;
    },
  };
}

function tokenError(error: unknown, authority: string): PartnerCenterError {
  const code = (error as { errorCode?: string }).errorCode ?? '';
  const network = /network|timed_out|endpoints_resolution/i.test(code);
  return new PartnerCenterError({
    errorCode: network ? 'upstream_error' : 'unauthorized',
    retryable: network,
    cause: error,
    message: `Could not get a Partner Center token from ${authority}: ${(error as Error).message ?? String(error)}. ` +
      (network ? 'The sign-in service did not answer; try again later.' : 'Check the tenant id, app id, secret and refresh token.'),
  });
}

/** An MSAL network client over fetch that sends https://<host> requests to http://<host> (local sandbox). */
function createHttpNetworkClient(secureHost: string, plainHost: string, fetchImpl: typeof fetch): INetworkModule {
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: { headers?: Record<string, string>; body?: string }) => {
    const target = url.startsWith(secureHost) ? plainHost + url.slice(secureHost.length) : url;
    const init: RequestInit = { method, headers: options?.headers ?? {} };
    if (options?.body !== undefined) init.body = options.body;
    const response = await fetchImpl(target, init).catch((error: unknown) => {
      // The same code MSAL's own network client uses, so the failure reads as retryable.
      throw Object.assign(new Error(`${method} ${target} got no answer: ${(error as Error).message}`, { cause: error }), { errorCode: 'network_error' });
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: (text ? JSON.parse(text) : {}) as T,
    };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
