import { createHash, randomBytes } from 'node:crypto';
import type { RedisConnection } from '../redis/redis-connection.ts';

/** The name of the token created on the first start (the one in `<data dir>/api-token` or `PC_ONBOARD_API_TOKEN`). */
export const FIRST_TOKEN_NAME = 'first';

interface TokenInfo {
  name: string;
  createdAt: string;
}

/**
 * API tokens per person, so every import and ledger entry says who queued it. Only the SHA-256
 * of a token is stored (name → hash, hash → name); the token itself is shown once by `add`.
 */
export interface TokenRegistry {
  /** Creates a token for `name` and returns it (shown once). Throws `TokenNameTakenError` when the name has one. */
  add(name: string): Promise<string>;
  list(): Promise<TokenInfo[]>;
  /** True when the name had a token. */
  revoke(name: string): Promise<boolean>;
  /** The name of the token, or undefined for an unknown or revoked one. */
  identify(token: string | undefined): Promise<string | undefined>;
  /**
   * Registers the configured token as `first` unless `first` was revoked; a configured token
   * that changed replaces the old one (rotating it in the configuration keeps working).
   */
  registerConfigured(token: string): Promise<void>;
}

export class TokenNameTakenError extends Error {
  readonly tokenName: string;
  constructor(tokenName: string) {
    super(`A token named "${tokenName}" exists already; revoke it first or choose another name.`);
    this.name = 'TokenNameTakenError';
    this.tokenName = tokenName;
  }
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,63}$/u;

export function isValidTokenName(name: string): boolean {
  return NAME.test(name);
}

export function createTokenRegistry(redis: RedisConnection, prefix: string): TokenRegistry {
  const byName = `${prefix}:api-tokens`;
  const byHash = `${prefix}:api-token-hashes`;
  const revokedNames = `${prefix}:api-tokens-revoked`;

  async function store(name: string, token: string): Promise<void> {
    const info = JSON.stringify({ hash: sha256(token), createdAt: new Date().toISOString() });
    await redis.multi().hset(byName, name, info).hset(byHash, sha256(token), name).srem(revokedNames, name).exec();
  }

  return {
    async add(name) {
      if (!isValidTokenName(name)) throw new Error(`"${name}" is not a usable token name: use letters, digits, ".", "_", "-" or "@" (up to 64).`);
      if ((await redis.hexists(byName, name)) === 1) throw new TokenNameTakenError(name);
      const token = randomBytes(32).toString('base64url');
      await store(name, token);
      return token;
    },

    async list() {
      const all = await redis.hgetall(byName);
      return Object.entries(all)
        .map(([name, raw]) => ({ name, createdAt: (JSON.parse(raw) as { createdAt: string }).createdAt }))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    async revoke(name) {
      const raw = await redis.hget(byName, name);
      if (raw === null) return false;
      const { hash } = JSON.parse(raw) as { hash: string };
      await redis.multi().hdel(byName, name).hdel(byHash, hash).sadd(revokedNames, name).exec();
      return true;
    },

    async identify(token) {
      if (token === undefined || token.length === 0) return undefined;
      return (await redis.hget(byHash, sha256(token))) ?? undefined;
    },

    async registerConfigured(token) {
      if ((await redis.sismember(revokedNames, FIRST_TOKEN_NAME)) === 1) return;
      const raw = await redis.hget(byName, FIRST_TOKEN_NAME);
      if (raw !== null) {
        const { hash } = JSON.parse(raw) as { hash: string };
        if (hash === sha256(token)) return;
        await redis.hdel(byHash, hash);
      }
      await store(FIRST_TOKEN_NAME, token);
    },
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
