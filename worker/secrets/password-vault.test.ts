import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scanKeys, withRedis } from '../../test/support/redis/with-redis.ts';
import { createPasswordVault } from './password-vault.ts';

const PASSWORD = 'Zq7!pLm2#Vx9sT4w';

describe('createPasswordVault', () => {
  it('should reveal a password once and then return undefined', async () => {
    await withRedis(async (redis, prefix) => {
      const vault = createPasswordVault({ redis, keyPrefix: prefix, key: randomBytes(32), ttlMs: 60_000 });
      await vault.store('imp', 3, { adminUser: 'admin@contoso.onmicrosoft.com', password: PASSWORD });
      expect(await vault.has('imp', 3)).toBe(true);
      expect(await vault.reveal('imp', 3)).toEqual({ adminUser: 'admin@contoso.onmicrosoft.com', password: PASSWORD });
      expect(await vault.reveal('imp', 3)).toBeUndefined();
      expect(await vault.has('imp', 3)).toBe(false);
    });
  });

  it('should keep only ciphertext in Redis, with the configured TTL', async () => {
    await withRedis(async (redis, prefix) => {
      const vault = createPasswordVault({ redis, keyPrefix: prefix, key: randomBytes(32), ttlMs: 60_000 });
      await vault.store('imp', 1, { adminUser: 'admin@x.onmicrosoft.com', password: PASSWORD });
      const keys = await scanKeys(redis, `${prefix}*`);
      expect(keys).toEqual([`${prefix}:secret:imp:1`]);
      const stored = (await redis.get(keys[0]!))!;
      expect(stored).not.toContain(PASSWORD);
      expect(Buffer.from(stored, 'base64').toString('latin1')).not.toContain(PASSWORD);
      const ttl = await redis.pttl(keys[0]!);
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    });
  });

  it('should refuse a value moved to another row or read with another key', async () => {
    await withRedis(async (redis, prefix) => {
      const vault = createPasswordVault({ redis, keyPrefix: prefix, key: randomBytes(32), ttlMs: 60_000 });
      await vault.store('imp', 1, { adminUser: 'a', password: PASSWORD });
      await redis.copy(`${prefix}:secret:imp:1`, `${prefix}:secret:imp:2`);
      await expect(vault.reveal('imp', 2)).rejects.toThrow();
      const other = createPasswordVault({ redis, keyPrefix: prefix, key: randomBytes(32), ttlMs: 60_000 });
      await expect(other.reveal('imp', 1)).rejects.toThrow();
    });
  });
});
