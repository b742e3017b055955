import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { SignInStore, StoredSignIn } from './sign-in-store.ts';

/**
 * MSAL's cache kept in the shared sign-in store: read before every cache access (so a worker sees
 * the refresh token another one rotated a moment ago) and written back whenever MSAL changed it.
 */
export function createMsalCachePlugin(store: SignInStore): ICachePlugin & { lastRead(): StoredSignIn | undefined } {
  let current: StoredSignIn | undefined;
  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      current = await store.read();
      context.tokenCache.deserialize(current?.cache ?? '{}');
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (!context.cacheHasChanged) return;
      current = { ...current, cache: context.tokenCache.serialize(), refreshedAt: new Date().toISOString() };
      await store.write(current);
    },
    lastRead: () => current,
  };
}
