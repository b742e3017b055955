import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSignInRequiredError } from '../../shared/partner-center/sign-in-required-error.ts';
import { withRedis } from '../../test/support/redis/with-redis.ts';
import { makeTempDir } from '../../test/support/temp-dir.ts';
import { createSignInStore } from './sign-in-store.ts';

const target = { id: 'global:contoso.onmicrosoft.com' };
const signIn = { cache: '{"RefreshToken":{"k":{"secret":"rt-secret-value"}}}', user: 'ops@contoso.onmicrosoft.com', signedInAt: '2026-12-01T00:00:00.000Z' };

describe('createSignInStore', () => {
  it('should keep a CLI sign-in sealed in a 0600 file when no Redis runs, and let a worker take it over into Redis', async () => {
    const dataDir = makeTempDir('pco-sign-in-store-');
    const key = randomBytes(32);
    const cli = createSignInStore({ target, key, dataDir, keyPrefix: 'unused' });
    expect(cli.where).toBe('file');
    await cli.write(signIn);
    const file = join(dataDir, 'sign-in', 'global_contoso.onmicrosoft.com.sealed');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain('rt-secret-value');
    expect(await cli.read()).toEqual(signIn);
    await withRedis(async (redis, prefix) => {
      const worker = createSignInStore({ target, key, dataDir, redis, keyPrefix: prefix });
      expect(await worker.read()).toEqual(signIn);
      expect(existsSync(file)).toBe(false);
      expect(await redis.get(`${prefix}:signin:${target.id}`)).not.toContain('rt-secret-value');
      expect(await worker.read()).toEqual(signIn);
    });
  });

  it('should refuse another key with "sign in again" instead of a crash', async () => {
    const dataDir = makeTempDir('pco-sign-in-store-');
    await createSignInStore({ target, key: randomBytes(32), dataDir, keyPrefix: 'unused' }).write(signIn);
    const error = await createSignInStore({ target, key: randomBytes(32), dataDir, keyPrefix: 'unused' }).read().catch((caught: unknown) => caught);
    expect(isSignInRequiredError(error)).toBe(true);
    expect((error as Error).message).toContain('PC_ONBOARD_SECRET_KEY');
  });

  it('should keep the first reason and time of a pause until a new sign-in clears it', async () => {
    await withRedis(async (redis, prefix) => {
      const store = createSignInStore({ target, key: randomBytes(32), dataDir: makeTempDir('pco-sign-in-store-'), redis, keyPrefix: prefix });
      expect(await store.markNeeded('revoked')).toBe(true);
      expect(await store.markNeeded('again')).toBe(false);
      expect(await store.needed()).toMatchObject({ reason: 'revoked' });
      await store.clearNeeded();
      expect(await store.needed()).toBeUndefined();
    });
  });
});
