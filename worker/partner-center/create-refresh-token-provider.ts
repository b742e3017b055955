import { ConfidentialClientApplication } from '@azure/msal-node';
import type { CloudConfig } from '../../shared/partner-center/clouds.ts';
import type { PartnerCenterCredentials } from '../config.ts';

const MINUTE = 60 * 1000;

/**
 * App+user access tokens for Partner Center from the Secure Application Model refresh token
 * (partner-center-api.md §1), through MSAL, cached until five minutes before they expire.
 */
export function createRefreshTokenProvider(credentials: PartnerCenterCredentials, cloud: Readonly<CloudConfig>): () => Promise<string> {
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      authority: `${cloud.authorityHost}/${credentials.tenantId}`,
    },
  });
  let cached: { token: string; expiresAt: number } | undefined;
  return async () => {
    if (cached && cached.expiresAt - 5 * MINUTE > Date.now()) return cached.token;
    const result = await app.acquireTokenByRefreshToken({ refreshToken: credentials.refreshToken, scopes: [cloud.userScope] });
    if (!result?.accessToken) throw new Error('Partner Center sign-in returned no access token; check PARTNER_CENTER_REFRESH_TOKEN.');
    cached = { token: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 30 * MINUTE };
    return cached.token;
  };
}
