import type { SignInTokenProvider } from './sign-in-token-provider.ts';

/**
 * A fetch that answers a 401 by asking for a fresh token and sending the request once more: a
 * token revoked before it expired is replaced by a refresh, and a refresh that is refused too
 * throws `SignInRequiredError` (the import pauses) instead of failing the row. A 401 answered to a
 * request sends nothing, so repeating it (same MS-RequestId) is safe.
 */
export function retryRefusedToken(fetchImpl: typeof fetch, tokens: Pick<SignInTokenProvider, 'refused' | 'getAccessToken'>): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.status !== 401) return response;
    const headers = new Headers(init?.headers);
    const sent = /^Bearer\s+(\S+)$/i.exec(headers.get('Authorization') ?? '')?.[1];
    if (!sent) return response;
    tokens.refused(sent);
    const fresh = await tokens.getAccessToken(init?.signal ?? undefined);
    if (fresh === sent) return response;
    await response.body?.cancel();
    headers.set('Authorization', `Bearer ${fresh}`);
    return fetchImpl(input, { ...init, headers });
  };
}
