import type { RedisConnection } from '../redis/redis-connection.ts';
import { openSealed as open, seal } from './sealed-text.ts';

/** The admin sign-in of a created customer, as revealed once. */
interface AdminCredentials {
  adminUser: string;
  password: string;
}

export interface PasswordVaultOptions {
  redis: RedisConnection;
  keyPrefix: string;
  /** AES-256 key, 32 bytes (`Config.secretKey`). */
  key: Buffer;
  ttlMs: number;
}

/**
 * Keeps admin passwords encrypted (AES-256-GCM) under their own Redis key with a TTL, and hands
 * each out once (GETDEL). The plaintext exists only in this module's locals: never in job data,
 * return values, events, logs or errors.
 */
export interface PasswordVault {
  store(importId: string, row: number, credentials: AdminCredentials): Promise<void>;
  /** Decrypts and deletes; `undefined` when revealed before, expired, or never stored. */
  reveal(importId: string, row: number): Promise<AdminCredentials | undefined>;
  has(importId: string, row: number): Promise<boolean>;
}

export function createPasswordVault(options: PasswordVaultOptions): PasswordVault {
  if (options.key.length !== 32) throw new RangeError('The password vault needs a 32-byte AES-256 key.');
  const keyOf = (importId: string, row: number) => `${options.keyPrefix}:secret:${importId}:${row}`;
  return {
    async store(importId, row, credentials) {
      const redisKey = keyOf(importId, row);
      const sealed = seal(options.key, redisKey, JSON.stringify(credentials));
      await options.redis.set(redisKey, sealed, 'PX', options.ttlMs);
    },
    async reveal(importId, row) {
      const redisKey = keyOf(importId, row);
      const sealed = await options.redis.getdel(redisKey);
      if (sealed === null) return undefined;
      return JSON.parse(open(options.key, redisKey, sealed)) as AdminCredentials;
    },
    async has(importId, row) {
      return (await options.redis.exists(keyOf(importId, row))) === 1;
    },
  };
}
