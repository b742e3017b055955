import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox.ts';
import { isSignInRequiredError } from '../../shared/partner-center/sign-in-required-error.ts';
import { withRedis } from '../../test/support/redis/with-redis.ts';
import { dumpRedisValues } from '../../test/support/worker/dump-redis-values.ts';
import { createSignInStore } from './sign-in-store.ts';
import { createSignInTokenProvider } from './sign-in-token-provider.ts';
import { sandboxSignInTarget } from './sign-in-target.ts';

let sandbox: RunningSandbox;
const dataDir = mkdtempSync(join(tmpdir(), 'pco-sign-in-'));
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const tokenCalls = () => sandbox.state.callsPerEndpoint.get('POST /{tenant}/oauth2/v2.0/token') ?? 0;

/** The shared sign-in as two workers see it: one store in Redis, one MSAL app each. */
describe('createSignInTokenProvider (shared, sealed sign-in)', () => {
  const key = randomBytes(32);
  const target = () => sandboxSignInTarget('global', sandbox.url);

  it('should write a configured refresh token into the shared sign-in once, sealed, and serve a second worker from it', async () => {
    await withRedis(async (redis, prefix) => {
      const refreshToken = `consent-${randomBytes(8).toString('hex')}`;
      const store = createSignInStore({ target: target(), key, dataDir, redis, keyPrefix: prefix });
      const worker = (token?: string) => createSignInTokenProvider({ target: target(), store, redis, keyPrefix: prefix, ...(token ? { refreshToken: token } : {}) });
      const before = tokenCalls();
      const first = await worker(refreshToken).getAccessToken();
      expect(sandbox.state.tokens.get(first)).toBe('app+user');
      expect(tokenCalls() - before).toBe(1);
      // Another worker, without the variable: the shared sign-in alone serves it, no new token call.
      expect(await worker().getAccessToken()).toBe(first);
      expect(tokenCalls() - before).toBe(1);
      expect((await store.read())?.seededRefreshToken).toMatch(/^[0-9a-f]{16}$/);
      // Sealed: neither token appears in Redis in clear.
      const dump = JSON.stringify(await dumpRedisValues(redis, prefix, () => false));
      expect(dump).not.toContain(refreshToken);
      expect(dump).not.toContain(first);
    });
  });

  it('should let every worker see the refresh token another one rotated, even when they refresh at once', async () => {
    await withRedis(async (redis, prefix) => {
      const store = createSignInStore({ target: target(), key, dataDir, redis, keyPrefix: prefix });
      const worker = () => createSignInTokenProvider({ target: target(), store, redis, keyPrefix: prefix, refreshToken: `consent-${randomBytes(8).toString('hex')}` });
      const [a, b] = [worker(), worker()];
      const token = await a.getAccessToken();
      // Partner Center refused the token (401): both refresh, one after the other (one lock).
      a.refused(token);
      b.refused(token);
      const [fromA, fromB] = await Promise.all([a.getAccessToken(), b.getAccessToken()]);
      expect(fromA).not.toBe(token);
      expect(fromB).not.toBe(token);
      expect(await store.needed()).toBeUndefined();
      a.refused(fromA);
      expect(await a.getAccessToken()).not.toBe(fromA);
    });
  });

  it('should mark the sign-in as needed on invalid_grant and say "Sign in again: pc-onboard login" without calling again', async () => {
    await withRedis(async (redis, prefix) => {
      const store = createSignInStore({ target: target(), key, dataDir, redis, keyPrefix: prefix });
      const tokens = createSignInTokenProvider({ target: target(), store, redis, keyPrefix: prefix, refreshToken: `consent-${randomBytes(8).toString('hex')}` });
      const token = await tokens.getAccessToken();
      // Last test of the file: after a revocation the sandbox takes no foreign refresh token either.
      await fetch(`${sandbox.url}/_sandbox/tokens/revoke`, { method: 'POST' });
      tokens.refused(token);
      const error = await tokens.getAccessToken().catch((caught: unknown) => caught);
      expect(isSignInRequiredError(error)).toBe(true);
      expect((error as Error).message).toContain('Sign in again: pc-onboard login');
      expect(await store.needed()).toMatchObject({ reason: expect.stringContaining('revoked or has expired') });
      const calls = tokenCalls();
      expect(isSignInRequiredError(await tokens.getAccessToken().catch((caught: unknown) => caught))).toBe(true);
      expect(tokenCalls()).toBe(calls);
    });
  });
});
