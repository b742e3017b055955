import { describe, expect, it } from 'vitest';
import { dumpRedisValues } from '../../test/support/worker/dump-redis-values.ts';
import { withRedis } from '../../test/support/redis/with-redis.ts';
import { createTokenRegistry, FIRST_TOKEN_NAME, TokenNameTakenError } from './create-token-registry.ts';

describe('API tokens per person', () => {
  it('should name the holder of a token, keep only its hash, and refuse it once revoked', async () => {
    await withRedis(async (redis, prefix) => {
      const tokens = createTokenRegistry(redis, prefix);
      const alice = await tokens.add('alice');
      const bob = await tokens.add('bob@example');
      expect(alice).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await tokens.identify(alice)).toBe('alice');
      expect(await tokens.identify(bob)).toBe('bob@example');
      expect(await tokens.identify('not-a-token-at-all')).toBeUndefined();
      expect(await tokens.identify(undefined)).toBeUndefined();
      await expect(tokens.add('alice')).rejects.toBeInstanceOf(TokenNameTakenError);
      expect((await tokens.list()).map((token) => token.name)).toEqual(['alice', 'bob@example']);
      const stored = (await dumpRedisValues(redis, prefix, () => false)).join('\n');
      expect(stored).not.toContain(alice);
      expect(stored).not.toContain(bob);

      expect(await tokens.revoke('alice')).toBe(true);
      expect(await tokens.revoke('alice')).toBe(false);
      expect(await tokens.identify(alice)).toBeUndefined();
      expect(await tokens.identify(bob)).toBe('bob@example');
    });
  });

  it('should register the configured token as "first" on the first start, follow a changed one, and never bring it back once revoked', async () => {
    await withRedis(async (redis, prefix) => {
      const tokens = createTokenRegistry(redis, prefix);
      const configured = 'configured-token-0123456789';
      await tokens.registerConfigured(configured);
      await tokens.registerConfigured(configured);
      expect(await tokens.identify(configured)).toBe(FIRST_TOKEN_NAME);
      expect((await tokens.list()).map((token) => token.name)).toEqual([FIRST_TOKEN_NAME]);

      const rotated = 'rotated-token-0123456789';
      await tokens.registerConfigured(rotated);
      expect(await tokens.identify(configured)).toBeUndefined();
      expect(await tokens.identify(rotated)).toBe(FIRST_TOKEN_NAME);

      await tokens.revoke(FIRST_TOKEN_NAME);
      await tokens.registerConfigured(rotated);
      expect(await tokens.identify(rotated)).toBeUndefined();
    });
  });
});
