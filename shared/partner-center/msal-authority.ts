import type { Configuration, INetworkModule } from '@azure/msal-node';

/**
 * Node only. The MSAL `auth` and `system` options for a sign-in authority. A Microsoft host is
 * left to MSAL's discovery; any other host (the sandbox) is trusted and described, so MSAL runs
 * no instance discovery. An `http://` host (the local sandbox) is reached through a fetch-based
 * network client, because MSAL only accepts https authorities: MSAL is configured with the https
 * form and the client sends plain http.
 */
export function msalAuthorityOptions(options: {
  /** e.g. `https://login.microsoftonline.com` or the sandbox's `http://127.0.0.1:8090`. */
  authorityHost: string;
  tenantId: string;
  /** True for a host MSAL does not know (the sandbox). */
  custom: boolean;
  fetch?: typeof fetch;
}): { authority: string; auth: Partial<Configuration['auth']>; system?: Configuration['system'] } {
  const host = options.authorityHost.replace(/\/+$/, '');
  const plainHttp = host.startsWith('http://');
  const secureHost = plainHttp ? `https://${host.slice('http://'.length)}` : host;
  const authority = `${secureHost}/${options.tenantId}`;
  const auth: Partial<Configuration['auth']> = { authority };
  if (options.custom) {
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
  return {
    authority,
    auth,
    ...(plainHttp ? { system: { networkClient: createHttpNetworkClient(secureHost, host, options.fetch ?? globalThis.fetch) } } : {}),
  };
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
