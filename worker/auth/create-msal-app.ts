import { ConfidentialClientApplication, PublicClientApplication } from '@azure/msal-node';
import { msalAuthorityOptions } from '../../shared/partner-center/msal-authority.ts';
import { createMsalCachePlugin } from './msal-cache-plugin.ts';
import type { SignInStore } from './sign-in-store.ts';
import type { SignInTarget } from './sign-in-target.ts';

export type MsalApp = PublicClientApplication | ConfidentialClientApplication;

/**
 * An MSAL app for the target whose token cache is the shared sign-in store. A public client
 * (device code, `pc-onboard login`) unless a client secret is configured for a headless set-up.
 */
export function createMsalApp(target: SignInTarget, store: SignInStore, clientSecret?: string): { app: MsalApp; authority: string } {
  const described = msalAuthorityOptions({ authorityHost: target.authorityHost, tenantId: target.tenantId, custom: target.sandbox });
  const cachePlugin = createMsalCachePlugin(store);
  const configuration = {
    auth: { ...described.auth, clientId: target.clientId },
    cache: { cachePlugin },
    ...(described.system ? { system: described.system } : {}),
  };
  const app: MsalApp = clientSecret
    ? new ConfidentialClientApplication({ ...configuration, auth: { ...configuration.auth, clientSecret } })
    : new PublicClientApplication(configuration);
  return { app, authority: described.authority };
}

/** The public client `pc-onboard login` runs the device-code flow with. */
export function createPublicMsalApp(target: SignInTarget, store: SignInStore): PublicClientApplication {
  return createMsalApp(target, store).app as PublicClientApplication;
}
