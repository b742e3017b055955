import { DEFAULT_PARTNER_TENANT_ID } from '../../sandbox/sandbox-options.ts';
import { resolveCloud, type LiveCloudName } from '../../shared/partner-center/clouds.ts';

/** The app id the sandbox sign-in uses: the sandbox accepts any. */
const SANDBOX_CLIENT_ID = 'pc-onboard-sandbox';

/** Where a person signs in, and the one shared sign-in (per cloud + tenant) it is kept as. */
export interface SignInTarget {
  /** Names the shared sign-in: `global:<tenant>`, or `sandbox@<host:port>:<tenant>`. */
  id: string;
  cloud: LiveCloudName;
  tenantId: string;
  clientId: string;
  /** Sign-in authority host, e.g. `https://login.microsoftonline.com` or the sandbox URL. */
  authorityHost: string;
  apiBaseUrl: string;
  /** `<API base>/user_impersonation offline_access` (MSAL adds openid and profile). */
  scopes: string[];
  /** True for the built-in or a standalone sandbox. */
  sandbox: boolean;
}

/** The real Partner Center of a cloud, for the partner's tenant and app registration. */
export function realSignInTarget(cloudName: LiveCloudName, tenantId: string, clientId: string): SignInTarget {
  const cloud = resolveCloud(cloudName);
  return {
    id: `${cloud.name}:${tenantId.toLowerCase()}`,
    cloud: cloud.name,
    tenantId,
    clientId,
    authorityHost: cloud.authorityHost,
    apiBaseUrl: cloud.apiBaseUrl,
    scopes: [cloud.userScope, 'offline_access'],
    sandbox: false,
  };
}

/**
 * The sandbox at `url` as sign-in authority and API. Its sign-ins live only as long as that
 * sandbox, so the id names its address: another sandbox never sees a stale one.
 */
export function sandboxSignInTarget(cloudName: LiveCloudName, url: string): SignInTarget {
  const cloud = resolveCloud(cloudName);
  const base = url.replace(/\/+$/, '');
  return {
    id: `sandbox@${new URL(base).host}:${DEFAULT_PARTNER_TENANT_ID}`,
    cloud: cloud.name,
    tenantId: DEFAULT_PARTNER_TENANT_ID,
    clientId: SANDBOX_CLIENT_ID,
    authorityHost: base,
    apiBaseUrl: base,
    scopes: [cloud.userScope, 'offline_access'],
    sandbox: true,
  };
}
