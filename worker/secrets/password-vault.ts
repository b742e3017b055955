import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The admin sign-in of a created customer, as revealed once. */
interface AdminCredentials {
  adminUser: string;
  password: string;
}

export interface PasswordVaultOptions {
  redis: Redis;
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

// The Redis key is the additional authenticated data, so a value copied to another row's key
// does not decrypt.
function seal(key: Buffer, redisKey: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(redisKey));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function open(key: Buffer, redisKey: string, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(redisKey));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
