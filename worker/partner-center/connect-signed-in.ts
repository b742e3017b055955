import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { CloudConfig } from '../../shared/partner-center/clouds.ts';
import type { PartnerCenterClientOptions } from '../../shared/partner-center/create-partner-center-client.ts';
import { retryRefusedToken } from '../auth/retry-refused-token.ts';
import { createSignInStore, type SignInStore } from '../auth/sign-in-store.ts';
import { createSignInTokenProvider } from '../auth/sign-in-token-provider.ts';
import type { SignInTarget } from '../auth/sign-in-target.ts';

/** Where the shared sign-in is kept: Redis (every worker) or, without it, a file in the data directory. */
export interface SignInDeps {
  dataDir: string;
  redis?: Redis;
  /** @default 'pco' */
  keyPrefix?: string;
  /** `Config.secretKey`; without it a throwaway key (nothing outlives the process). */
  secretKey?: Buffer;
  logger?: Logger;
}

/** Client options whose calls carry the shared sign-in's tokens (and survive a revoked access token). */
export function connectSignedIn(
  cloud: Readonly<CloudConfig>,
  target: SignInTarget,
  credentials: { clientSecret?: string; refreshToken?: string; fallbackToken?: string },
  deps: SignInDeps | undefined,
): { clientOptions: PartnerCenterClientOptions; signIn: { target: SignInTarget; store: SignInStore } } {
  const keyPrefix = deps?.keyPrefix ?? 'pco';
  const store = createSignInStore({
    target,
    key: deps?.secretKey ?? randomBytes(32),
    dataDir: deps?.dataDir ?? '.data',
    ...(deps?.redis ? { redis: deps.redis } : {}),
    keyPrefix,
  });
  const tokens = createSignInTokenProvider({
    target,
    store,
    keyPrefix,
    ...(deps?.redis ? { redis: deps.redis } : {}),
    ...(deps?.logger ? { logger: deps.logger } : {}),
    ...credentials,
  });
  const clientOptions: PartnerCenterClientOptions = {
    cloud,
    ...(target.sandbox ? { baseUrl: target.apiBaseUrl } : {}),
    getAccessToken: tokens.getAccessToken,
    fetch: retryRefusedToken(globalThis.fetch.bind(globalThis), tokens),
  };
  return { clientOptions, signIn: { target, store } };
}
