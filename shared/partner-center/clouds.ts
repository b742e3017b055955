import { CloudRetiredError } from './cloud-retired-error.ts';

/** The Partner Center clouds pc-onboard knows (docs/contracts/partner-center.md §0.4, §1). */
export const CLOUD_NAMES = ['global', 'usgov', 'china', 'germany'] as const;
export type CloudName = (typeof CLOUD_NAMES)[number];

/** The clouds that still exist (Germany closed: `GERMANY_CLOSED`). */
export type LiveCloudName = Exclude<CloudName, 'germany'>;
export const LIVE_CLOUD_NAMES = ['global', 'usgov', 'china'] as const satisfies readonly LiveCloudName[];

/** Everything that differs per cloud (docs/contracts/partner-center.md §1, §0.4). */
export interface CloudConfig {
  name: LiveCloudName;
  /** Partner Center REST API base URL, no trailing slash. */
  apiBaseUrl: string;
  /** Microsoft Entra sign-in authority host, no trailing slash; append `/{tenant}`. */
  authorityHost: string;
  /** The v1 token `resource` (app-only and secure-application-model refresh). */
  resource: string;
  /** v2 scopes: delegated (app+user) and app-only. */
  userScope: string;
  appScope: string;
  /** Suffix of a new tenant's initial domain, without the leading dot. */
  initialDomainSuffix: string;
  /** Partner Center dashboard origin of the cloud. */
  dashboardHost: string;
  /** MCA attestation exists in the global cloud only (§0.4). */
  mcaSupported: boolean;
}

const PARTNER_CENTER_API = 'https://api.partnercenter.microsoft.com';
const CHINA_API = 'https://partner.partnercenterapi.microsoftonline.cn';

/** The live clouds, frozen. Germany is absent on purpose: `resolveCloud('germany')` throws. */
export const CLOUDS: Readonly<Record<LiveCloudName, Readonly<CloudConfig>>> = Object.freeze({
  global: Object.freeze({
    name: 'global',
    apiBaseUrl: PARTNER_CENTER_API,
    authorityHost: 'https://login.microsoftonline.com',
    resource: PARTNER_CENTER_API,
    userScope: `${PARTNER_CENTER_API}/user_impersonation`,
    appScope: `${PARTNER_CENTER_API}/.default`,
    initialDomainSuffix: 'onmicrosoft.com',
    dashboardHost: 'https://partner.microsoft.com',
    mcaSupported: true,
  }),
  usgov: Object.freeze({
    name: 'usgov',
    // Same API host as global (§1), different sign-in authority (PowerShell module's constants).
    apiBaseUrl: PARTNER_CENTER_API,
    authorityHost: 'https://login.microsoftonline.us',
    resource: PARTNER_CENTER_API,
    userScope: `${PARTNER_CENTER_API}/user_impersonation`,
    appScope: `${PARTNER_CENTER_API}/.default`,
    initialDomainSuffix: 'onmicrosoft.com',
    dashboardHost: 'https://partner.microsoft.com',
    mcaSupported: false,
  }),
  china: Object.freeze({
    name: 'china',
    apiBaseUrl: CHINA_API,
    authorityHost: 'https://login.chinacloudapi.cn',
    resource: CHINA_API,
    userScope: `${CHINA_API}/user_impersonation`,
    appScope: `${CHINA_API}/.default`,
    initialDomainSuffix: 'partner.onmschina.cn',
    dashboardHost: 'https://partner.microsoftonline.cn',
    mcaSupported: false,
  }),
});

/**
 * The configuration of a cloud by name.
 *
 * @throws CloudRetiredError for `germany`: Microsoft Cloud Germany closed on 29 Oct 2021.
 * @example resolveCloud('china').initialDomainSuffix // 'partner.onmschina.cn'
 */
export function resolveCloud(name: CloudName): Readonly<CloudConfig> {
  if (name === 'germany') throw new CloudRetiredError(name);
  const cloud = CLOUDS[name];
  if (!cloud) throw new TypeError(`Unknown Partner Center cloud "${String(name)}"; use one of ${Object.keys(CLOUDS).join(', ')}.`);
  return cloud;
}

/** Whether the customer agreement (and so its attestation before purchases) exists in a cloud; none in a closed one. */
export function cloudHasMca(name: CloudName): boolean {
  return name !== 'germany' && resolveCloud(name).mcaSupported;
}

/**
 * A new tenant's initial domain in a cloud: the prefix plus the cloud's suffix.
 *
 * @example initialDomain('contoso', 'china') // 'contoso.partner.onmschina.cn'
 */
export function initialDomain(prefix: string, cloud: CloudName): string {
  return `${prefix}.${resolveCloud(cloud).initialDomainSuffix}`;
}
