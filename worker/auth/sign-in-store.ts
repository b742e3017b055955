import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RedisConnection } from '../redis/redis-connection.ts';
import { SignInRequiredError } from '../../shared/partner-center/sign-in-required-error.ts';
import { openSealed, seal } from '../secrets/sealed-text.ts';
import type { SignInTarget } from './sign-in-target.ts';

/** One shared sign-in: MSAL's serialized token cache plus what `whoami` shows. */
export interface StoredSignIn {
  /** MSAL's token cache (JSON text); holds the refresh token, so it is only ever stored sealed. */
  cache: string;
  /** The signed-in person (user principal name), when known. */
  user?: string;
  signedInAt?: string;
  /** When the tokens last changed (a refresh rotates the refresh token). */
  refreshedAt?: string;
  /** SHA-256 (hex, first 16) of the configured refresh token already written into the cache. */
  seededRefreshToken?: string;
}

/** Why imports wait for a person; plain text (no secret), readable by `/health` without the key. */
interface SignInNeeded {
  since: string;
  reason: string;
}

/**
 * The shared sign-in of one cloud + tenant: sealed with `PC_ONBOARD_SECRET_KEY` (AES-256-GCM) in
 * Redis, so every worker on every machine uses and rotates the same tokens; without Redis (a CLI
 * with no server), in a 0600 file in the data directory, which a worker later takes over.
 */
export interface SignInStore {
  readonly where: 'redis' | 'file';
  read(): Promise<StoredSignIn | undefined>;
  write(signIn: StoredSignIn): Promise<void>;
  /** Forgets the sign-in everywhere (Redis and file) and the "sign in again" mark. */
  clear(): Promise<void>;
  needed(): Promise<SignInNeeded | undefined>;
  /** True when this call began the pause (the first to notice). */
  markNeeded(reason: string): Promise<boolean>;
  /** After a new sign-in: paused imports go on. */
  clearNeeded(): Promise<void>;
}

export interface SignInStoreOptions {
  target: Pick<SignInTarget, 'id'>;
  /** AES-256 key (`Config.secretKey`). */
  key: Buffer;
  dataDir: string;
  /** Without it the store is the file alone. */
  redis?: RedisConnection;
  keyPrefix: string;
}

function signInRedisKeys(keyPrefix: string, targetId: string) {
  return { signIn: `${keyPrefix}:signin:${targetId}`, needed: `${keyPrefix}:signin-needed:${targetId}` };
}

export function createSignInStore(options: SignInStoreOptions): SignInStore {
  const keys = signInRedisKeys(options.keyPrefix, options.target.id);
  const filePath = join(options.dataDir, 'sign-in', `${options.target.id.replace(/[^A-Za-z0-9._-]/g, '_')}.sealed`);
  const fileBinding = `file:${options.target.id}`;
  const { redis } = options;

  const unseal = (binding: string, sealed: string): StoredSignIn => {
    try {
      return JSON.parse(openSealed(options.key, binding, sealed)) as StoredSignIn;
    } catch (error) {
      throw new SignInRequiredError('The stored Partner Center sign-in cannot be decrypted with this PC_ONBOARD_SECRET_KEY (every worker needs the same key).', error);
    }
  };
  const readFile = (): StoredSignIn | undefined => {
    if (!existsSync(filePath)) return undefined;
    return unseal(fileBinding, readFileSync(filePath, 'utf8').trim());
  };
  const writeFile = (signIn: StoredSignIn) => {
    mkdirSync(join(options.dataDir, 'sign-in'), { recursive: true, mode: 0o700 });
    writeFileSync(filePath, `${seal(options.key, fileBinding, JSON.stringify(signIn))}\n`, { mode: 0o600 });
    chmodSync(filePath, 0o600);
  };
  let neededLocally: SignInNeeded | undefined;

  return {
    where: redis ? 'redis' : 'file',
    async read() {
      if (!redis) return readFile();
      const sealed = await redis.get(keys.signIn);
      if (sealed !== null) return unseal(keys.signIn, sealed);
      // A sign-in made by the CLI while no server ran: the shared store takes it over.
      const fromFile = readFile();
      if (fromFile) {
        await redis.set(keys.signIn, seal(options.key, keys.signIn, JSON.stringify(fromFile)));
        rmSync(filePath, { force: true });
      }
      return fromFile;
    },
    async write(signIn) {
      if (!redis) return writeFile(signIn);
      await redis.set(keys.signIn, seal(options.key, keys.signIn, JSON.stringify(signIn)));
    },
    async clear() {
      rmSync(filePath, { force: true });
      neededLocally = undefined;
      if (redis) await redis.del(keys.signIn, keys.needed);
    },
    async needed() {
      if (!redis) return neededLocally;
      const value = await redis.get(keys.needed);
      return value === null ? undefined : (JSON.parse(value) as SignInNeeded);
    },
    async markNeeded(reason) {
      const mark: SignInNeeded = { since: new Date().toISOString(), reason };
      if (!redis) {
        const first = neededLocally === undefined;
        neededLocally ??= mark;
        return first;
      }
      // NX: the first reason and time stay (when the pause began).
      return (await redis.set(keys.needed, JSON.stringify(mark), 'NX')) === 'OK';
    },
    async clearNeeded() {
      neededLocally = undefined;
      if (redis) await redis.del(keys.needed);
    },
  };
}
