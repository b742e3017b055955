import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { sandboxOptionsFromEnv } from '../sandbox/sandbox-options-from-env.ts';
import { loseAnswersFromEnv } from '../sandbox/internal/lose-answer.ts';
import type { SandboxOptions } from '../sandbox/sandbox-options.ts';
import { CHROME_EXTENSION_ORIGIN } from '../shared/extension-identity.ts';
import { GERMANY_CLOSED } from '../shared/partner-center/cloud-retired-error.ts';
import { CLOUD_NAMES, type CloudName } from '../shared/partner-center/clouds.ts';
import { ConfigError } from './errors/config-error.ts';

/**
 * The worker's configuration, read once at startup from the environment and an
 * optional JSON file named by `PC_ONBOARD_CONFIG` (keys are the variable names below; the
 * environment wins). Nothing else in the worker reads `process.env`.
 */
export interface Config {
  redisUrl: string;
  /** Seed nodes (`host:port`) of a Redis Cluster; when set, `redisUrl` is not used. */
  redisClusterNodes?: string[];
  /** Absolute path of the data directory (generated token and key, the embedded Redis's AOF). */
  dataDir: string;
  host: string;
  port: number;
  apiToken: string;
  /** True when the token was generated on this start: `serve` prints it once. */
  apiTokenGenerated: boolean;
  /** AES-256 key for the admin-password vault and the shared sign-in (32 bytes). */
  secretKey: Buffer;
  /** True when no key was configured or stored and this start generated one (`doctor` warns). */
  secretKeyGenerated: boolean;
  cloud: CloudName;
  /** Present when the tenant and app ids are set (sign in with `pc-onboard login`); otherwise the built-in sandbox is used. */
  partnerCenter?: PartnerCenterCredentials;
  /**
   * A standalone sandbox (`pc-onboard sandbox`) that every process shares instead of starting a
   * private, empty one; present only when `PC_ONBOARD_SANDBOX_URL` is set. Ignored when
   * `partnerCenter` credentials are configured.
   */
  sharedSandbox?: { url: string; token: string };
  /** The built-in sandbox loses the answers of these writes after committing them (docs/contracts/partner-center.md §0.20). */
  sandboxLoseAnswers?: SandboxOptions['loseAnswers'];
  concurrency: number;
  rateLimitPerMinute: number;
  /** The window the budget counts in (a minute, as Partner Center's). */
  rateLimitWindowMs: number;
  maxAttempts: number;
  /** How long a running row's BullMQ lock lasts without renewal: a killed worker's rows resume after it. */
  lockDurationMs: number;
  /** Redis key prefix of every key pc-onboard writes; with Redis Cluster it needs a hash tag like `{pco}`. */
  keyPrefix: string;
  extensionOrigins: string[];
  passwordTtlMs: number;
  /** How long a settled (drained or cancelled) import is kept in Redis. */
  importTtlMs: number;
  bodyLimitBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export interface PartnerCenterCredentials {
  tenantId: string;
  clientId: string;
  /** Only for a confidential app registration (headless Secure Application Model set-up). */
  clientSecret?: string;
  /** Headless: a refresh token from the Secure Application Model consent, written into the shared sign-in on first use. */
  refreshToken?: string;
}

const HOUR = 60 * 60 * 1000;

/** The test token a standalone sandbox accepts unless `SANDBOX_TEST_TOKEN` names another. */
export const DEFAULT_SANDBOX_TOKEN = 'sandbox-test-token';
const MEGABYTE = 1024 * 1024;

interface VariableDoc {
  name: string;
  default: string;
  meaning: string;
}

/** Every variable the worker reads, for `docs/configuration.md` and `--help`. */
export const CONFIG_VARIABLES: readonly VariableDoc[] = [
  { name: 'PC_ONBOARD_CONFIG', default: '(none)', meaning: 'Path of an optional JSON file whose keys are the variable names below; environment variables win over it.' },
  { name: 'REDIS_URL', default: 'redis://127.0.0.1:6379', meaning: 'Redis to keep imports and the queue in. If nothing answers at a local address and `redis-server` is on PATH, one is started with AOF persistence in the data directory; a remote Redis that is down is an error.' },
  { name: 'REDIS_CLUSTER_NODES', default: '(none)', meaning: 'Comma-separated `host:port` seed nodes of a Redis Cluster (e.g. `10.0.0.1:7000,10.0.0.2:7000`); when set, REDIS_URL is not used and PC_ONBOARD_KEY_PREFIX must carry a hash tag such as `{pco}`. See "Redis Cluster" below.' },
  { name: 'PC_ONBOARD_DATA_DIR', default: '.data', meaning: 'Directory for the generated API token and secret key, and the embedded Redis (relative to the working directory).' },
  { name: 'PC_ONBOARD_HOST', default: '127.0.0.1', meaning: 'Address the HTTP API listens on.' },
  { name: 'PC_ONBOARD_PORT', default: '8787', meaning: 'Port the HTTP API listens on.' },
  { name: 'PC_ONBOARD_API_TOKEN', default: 'generated', meaning: 'Bearer token of the API (at least 16 characters). Else generated on first start into `<data dir>/api-token` (mode 0600) and printed once.' },
  { name: 'PC_ONBOARD_SECRET_KEY', default: 'generated', meaning: 'AES-256 key (base64 of 32 bytes) that encrypts admin passwords and the shared Partner Center sign-in. Else generated into `<data dir>/secret-key` (mode 0600). Every worker of one Redis needs the same key.' },
  { name: 'PC_ONBOARD_CLOUD', default: 'global', meaning: 'Partner Center cloud: global, usgov or china (germany is closed).' },
  { name: 'PARTNER_CENTER_TENANT_ID', default: '(none)', meaning: 'Partner tenant id (or its domain). With PARTNER_CENTER_CLIENT_ID it selects the real Partner Center, signed in with `pc-onboard login` (docs/partner-center-setup.md); without them the built-in sandbox runs and no real customers are created.' },
  { name: 'PARTNER_CENTER_CLIENT_ID', default: '(none)', meaning: 'Application (client) id of your Partner Center app registration (public client flows on).' },
  { name: 'PARTNER_CENTER_CLIENT_SECRET', default: '(none)', meaning: 'Headless set-ups only: client secret of a confidential app registration, used with the refresh token below. Leave it unset for `pc-onboard login`.' },
  { name: 'PARTNER_CENTER_REFRESH_TOKEN', default: '(none)', meaning: 'Headless set-ups only: an app+user refresh token (Secure Application Model). Written into the shared, encrypted sign-in on first use; the rotated tokens are kept there, not here.' },
  { name: 'PC_ONBOARD_SANDBOX_URL', default: '(none)', meaning: 'Base URL of a running standalone sandbox (`pc-onboard sandbox`, e.g. http://127.0.0.1:8090) that `serve`, extra `worker`s and `import` runs share, instead of each starting a private, empty one. Ignored when Partner Center credentials are set.' },
  { name: 'PC_ONBOARD_SANDBOX_TOKEN', default: DEFAULT_SANDBOX_TOKEN, meaning: 'The test token that sandbox accepts (printed by `pc-onboard sandbox`; its `SANDBOX_TEST_TOKEN`).' },
  { name: 'SANDBOX_DROP_ANSWERS', default: '(none)', meaning: 'Fault injection, built-in sandbox only: the writes whose next answers it loses after committing them, e.g. `agreement,checkout=2` (customer, agreement, cart, checkout, order; a count per write, 1 when none is given), to watch the worker read them back (docs/contracts/partner-center.md §0.20).' },
  { name: 'SANDBOX_DROP_ANSWERS_MODE', default: 'reset', meaning: 'How the built-in sandbox loses those answers: `reset` (the connection is reset) or `504`.' },
  { name: 'PC_ONBOARD_CONCURRENCY', default: '4', meaning: 'Rows one worker process handles at the same time.' },
  { name: 'PC_ONBOARD_RATE_LIMIT_PER_MINUTE', default: '500', meaning: 'Budget of Partner Center requests per minute for all workers of one Redis together (Partner Center allows 500 per partner). Never more than this many requests in any rolling minute (each counted from its answer, or from its grant + 2 % of the window if the answer is slower: by then Partner Center has surely seen it), and no other waiting: a short import runs as fast as Partner Center answers, a long one at the budget. A 429 pauses every worker for its Retry-After. Above 60 000 nothing is counted.' },
  { name: 'PC_ONBOARD_RATE_LIMIT_WINDOW_SECONDS', default: '60', meaning: "The window the budget above counts in. Partner Center's is a minute; change it only to match another limit (e.g. a sandbox whose bucket refills in 6 s, to keep a benchmark short)." },
  { name: 'PC_ONBOARD_MAX_ATTEMPTS', default: '5', meaning: 'Attempts per row for retryable errors (exponential backoff with jitter); 429 waits do not count.' },
  { name: 'PC_ONBOARD_LOCK_SECONDS', default: '30', meaning: "How long a running row stays locked to its worker without renewal (a live worker renews it every half of this). When a worker is killed, another resumes its rows after about this long; shorter means faster recovery, but a worker whose event loop stalls longer than this loses its rows to another (harmless: the row resumes at its step, nothing is created twice)." },
  { name: 'PC_ONBOARD_KEY_PREFIX', default: 'pco', meaning: 'Prefix of every Redis key. With Redis Cluster use a hash tag, e.g. `{pco}`, so the queue and import keys share a slot.' },
  { name: 'PC_ONBOARD_EXTENSION_ORIGINS', default: CHROME_EXTENSION_ORIGIN, meaning: "Comma-separated origins allowed by CORS. The default is the extension's pinned Chrome/Edge origin; add `moz-extension://<uuid>` for Firefox." },
  { name: 'PC_ONBOARD_PASSWORD_TTL_HOURS', default: '24', meaning: 'How long an unrevealed admin password is kept (encrypted) before it is deleted.' },
  { name: 'PC_ONBOARD_IMPORT_TTL_DAYS', default: '30', meaning: 'How long an import (summary, rows, results) is kept in Redis after its last row ended or it was cancelled; then it is deleted. A retry restarts the clock.' },
  { name: 'PC_ONBOARD_BODY_LIMIT_MB', default: '50', meaning: 'Largest accepted upload; bigger requests get 413.' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'pino log level: fatal, error, warn, info, debug, trace or silent.' },
];

/** Variables whose values are secrets: never part of a message. */
const SECRET_VARIABLES = new Set(['PC_ONBOARD_API_TOKEN', 'PC_ONBOARD_SECRET_KEY', 'PARTNER_CENTER_CLIENT_SECRET', 'PARTNER_CENTER_REFRESH_TOKEN']);

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

const integer = (min: number, max: number) => {
  const range = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: range }).int(range).min(min, range).max(max, range);
};
/** A positive amount (hours, days, megabytes), fractions allowed. */
const amount = (max: number) => {
  const range = `must be a number greater than 0 and at most ${max}`;
  return z.coerce.number({ error: range }).positive(range).max(max, range);
};
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const rawSchema = z.object({
  REDIS_URL: z.string().trim().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').default('redis://127.0.0.1:6379'),
  REDIS_CLUSTER_NODES: optionalText.pipe(
    z
      .string()
      .regex(/^[^\s,:]+:\d{1,5}(,\s*[^\s,:]+:\d{1,5})*$/, 'must list host:port seed nodes separated by commas, e.g. 10.0.0.1:7000,10.0.0.2:7000')
      .transform((value) => value.split(',').map((node) => node.trim()))
      .optional(),
  ),
  PC_ONBOARD_DATA_DIR: z.string().trim().min(1).default('.data'),
  PC_ONBOARD_HOST: z.string().trim().min(1).default('127.0.0.1'),
  PC_ONBOARD_PORT: integer(0, 65535).default(8787),
  PC_ONBOARD_API_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  PC_ONBOARD_SECRET_KEY: optionalText,
  // Germany is a known name, refused below with its own reason; the message offers the open clouds.
  PC_ONBOARD_CLOUD: z.enum(CLOUD_NAMES, { error: 'must be one of global, usgov, china' }).default('global'),
  PARTNER_CENTER_TENANT_ID: optionalText,
  PARTNER_CENTER_CLIENT_ID: optionalText,
  PARTNER_CENTER_CLIENT_SECRET: optionalText,
  PARTNER_CENTER_REFRESH_TOKEN: optionalText,
  PC_ONBOARD_SANDBOX_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8090' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  PC_ONBOARD_SANDBOX_TOKEN: z.string().trim().min(1).default(DEFAULT_SANDBOX_TOKEN),
  SANDBOX_DROP_ANSWERS: optionalText,
  SANDBOX_DROP_ANSWERS_MODE: optionalText,
  PC_ONBOARD_CONCURRENCY: integer(1, 1000).default(4),
  PC_ONBOARD_RATE_LIMIT_PER_MINUTE: integer(1, 1_000_000).default(500),
  PC_ONBOARD_RATE_LIMIT_WINDOW_SECONDS: integer(1, 3600).default(60),
  PC_ONBOARD_MAX_ATTEMPTS: integer(1, 100).default(5),
  PC_ONBOARD_LOCK_SECONDS: integer(5, 600).default(30),
  PC_ONBOARD_KEY_PREFIX: z.string().trim().regex(/^[^:\s]+$/, 'must be non-empty, without ":" or spaces').default('pco'),
  PC_ONBOARD_EXTENSION_ORIGINS: z.string().default(CHROME_EXTENSION_ORIGIN),
  PC_ONBOARD_PASSWORD_TTL_HOURS: amount(24 * 365).default(24),
  PC_ONBOARD_IMPORT_TTL_DAYS: amount(3650).default(30),
  PC_ONBOARD_BODY_LIMIT_MB: amount(10_000).default(50),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface LoadConfigOptions {
  /** Defaults to `process.env`; tests pass their own. */
  env?: Record<string, string | undefined>;
  /** Base of a relative data directory; defaults to `process.cwd()`. */
  cwd?: string;
}

/**
 * Reads and validates the configuration once, generating the API token and secret key into the
 * data directory (mode 0600) when they are not configured. Throws a `ConfigError` naming the
 * variable to fix.
 */
export function loadConfig(options: LoadConfigOptions = {}): Readonly<Config> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const fromFile = readConfigFile(env.PC_ONBOARD_CONFIG, cwd);
  const merged: Record<string, unknown> = { ...fromFile };
  for (const { name } of CONFIG_VARIABLES) {
    if (env[name] !== undefined && env[name] !== '') merged[name] = env[name];
  }
  const parsed = rawSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'configuration');
    // Secrets are never echoed, not even a wrong one (it may be a real secret in the wrong variable).
    const got = SECRET_VARIABLES.has(name) ? 'value hidden' : `got ${JSON.stringify(merged[name] ?? null)}`;
    throw new ConfigError(`${name}: ${issue.message} (${got}).`, name);
  }
  const raw = parsed.data;
  if (raw.PC_ONBOARD_CLOUD === 'germany') {
    throw new ConfigError(
      `PC_ONBOARD_CLOUD: ${GERMANY_CLOSED}; use PC_ONBOARD_CLOUD=global.`,
      'PC_ONBOARD_CLOUD',
    );
  }
  if (raw.REDIS_CLUSTER_NODES && !/\{[^{}]+\}/.test(raw.PC_ONBOARD_KEY_PREFIX)) {
    throw new ConfigError(
      `PC_ONBOARD_KEY_PREFIX: with REDIS_CLUSTER_NODES every key must land in one slot, so the prefix needs a hash tag, e.g. {${raw.PC_ONBOARD_KEY_PREFIX}} (got ${JSON.stringify(raw.PC_ONBOARD_KEY_PREFIX)}).`,
      'PC_ONBOARD_KEY_PREFIX',
    );
  }
  const dataDir = isAbsolute(raw.PC_ONBOARD_DATA_DIR) ? raw.PC_ONBOARD_DATA_DIR : resolve(cwd, raw.PC_ONBOARD_DATA_DIR);
  const token = raw.PC_ONBOARD_API_TOKEN ?? readOrGenerate(dataDir, 'api-token', () => randomBytes(32).toString('base64url'));
  const storedKey = raw.PC_ONBOARD_SECRET_KEY === undefined ? readOrGenerate(dataDir, 'secret-key', () => randomBytes(32).toString('base64')) : undefined;
  const key = raw.PC_ONBOARD_SECRET_KEY ?? storedKey!.value;
  const apiToken = typeof token === 'string' ? { value: token, generated: false } : token;
  return Object.freeze({
    redisUrl: raw.REDIS_URL,
    ...(raw.REDIS_CLUSTER_NODES ? { redisClusterNodes: raw.REDIS_CLUSTER_NODES } : {}),
    dataDir,
    host: raw.PC_ONBOARD_HOST,
    port: raw.PC_ONBOARD_PORT,
    apiToken: apiToken.value,
    apiTokenGenerated: apiToken.generated,
    secretKey: decodeSecretKey(key),
    secretKeyGenerated: storedKey?.generated ?? false,
    cloud: raw.PC_ONBOARD_CLOUD,
    partnerCenter: readCredentials(raw),
    ...(raw.PC_ONBOARD_SANDBOX_URL ? { sharedSandbox: { url: raw.PC_ONBOARD_SANDBOX_URL, token: raw.PC_ONBOARD_SANDBOX_TOKEN } } : {}),
    ...readSandboxLoseAnswers(raw),
    concurrency: raw.PC_ONBOARD_CONCURRENCY,
    rateLimitPerMinute: raw.PC_ONBOARD_RATE_LIMIT_PER_MINUTE,
    rateLimitWindowMs: raw.PC_ONBOARD_RATE_LIMIT_WINDOW_SECONDS * 1000,
    maxAttempts: raw.PC_ONBOARD_MAX_ATTEMPTS,
    lockDurationMs: raw.PC_ONBOARD_LOCK_SECONDS * 1000,
    keyPrefix: raw.PC_ONBOARD_KEY_PREFIX,
    extensionOrigins: raw.PC_ONBOARD_EXTENSION_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
    passwordTtlMs: Math.round(raw.PC_ONBOARD_PASSWORD_TTL_HOURS * HOUR),
    importTtlMs: Math.round(raw.PC_ONBOARD_IMPORT_TTL_DAYS * 24 * HOUR),
    bodyLimitBytes: Math.round(raw.PC_ONBOARD_BODY_LIMIT_MB * MEGABYTE),
    logLevel: raw.LOG_LEVEL,
  });
}

/**
 * The options of `pc-onboard sandbox` (the standalone sandbox), from its own `SANDBOX_*`
 * variables (sandbox/README.md). Throws a `ConfigError` naming the variable to fix.
 */
export function loadSandboxCommandOptions(env: Record<string, string | undefined> = process.env): SandboxOptions & { testToken: string } {
  let options: SandboxOptions;
  try {
    options = sandboxOptionsFromEnv(env);
  } catch (error) {
    const name = /^[A-Z_]+/.exec((error as Error).message)?.[0] ?? 'SANDBOX_*';
    throw new ConfigError((error as Error).message, name, { cause: error });
  }
  return { ...options, testToken: options.testToken ?? DEFAULT_SANDBOX_TOKEN };
}

function readSandboxLoseAnswers(raw: z.infer<typeof rawSchema>): Pick<Config, 'sandboxLoseAnswers'> {
  try {
    const loseAnswers = loseAnswersFromEnv({ SANDBOX_DROP_ANSWERS: raw.SANDBOX_DROP_ANSWERS, SANDBOX_DROP_ANSWERS_MODE: raw.SANDBOX_DROP_ANSWERS_MODE });
    return loseAnswers ? { sandboxLoseAnswers: loseAnswers } : {};
  } catch (error) {
    const name = /^[A-Z_]+/.exec((error as Error).message)?.[0] ?? 'SANDBOX_DROP_ANSWERS';
    throw new ConfigError((error as Error).message, name, { cause: error });
  }
}

function readConfigFile(path: string | undefined, cwd: string): Record<string, unknown> {
  if (!path) return {};
  const absolute = isAbsolute(path) ? path : resolve(cwd, path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(absolute, 'utf8'));
  } catch (error) {
    throw new ConfigError(`PC_ONBOARD_CONFIG: cannot read ${absolute} as JSON (${(error as Error).message}).`, 'PC_ONBOARD_CONFIG', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`PC_ONBOARD_CONFIG: ${absolute} must hold a JSON object of variable names to values.`, 'PC_ONBOARD_CONFIG');
  }
  const known = new Set(CONFIG_VARIABLES.map((variable) => variable.name));
  const unknown = Object.keys(parsed).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new ConfigError(`PC_ONBOARD_CONFIG: ${absolute} has unknown keys ${unknown.join(', ')}.`, 'PC_ONBOARD_CONFIG');
  }
  return Object.fromEntries(Object.entries(parsed).map(([name, value]) => [name, typeof value === 'string' ? value : String(value)]));
}

function readOrGenerate(dataDir: string, fileName: string, generate: () => string): { value: string; generated: boolean } {
  const path = join(dataDir, fileName);
  if (existsSync(path)) return { value: readFileSync(path, 'utf8').trim(), generated: false };
  mkdirSync(dataDir, { recursive: true });
  const value = generate();
  writeFileSync(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { value, generated: true };
}

function decodeSecretKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) {
    throw new ConfigError(
      `PC_ONBOARD_SECRET_KEY: must be the base64 of exactly 32 bytes (got ${key.length}); generate one with \`openssl rand -base64 32\`.`,
      'PC_ONBOARD_SECRET_KEY',
    );
  }
  return key;
}

function readCredentials(raw: z.infer<typeof rawSchema>): PartnerCenterCredentials | undefined {
  const values = {
    PARTNER_CENTER_TENANT_ID: raw.PARTNER_CENTER_TENANT_ID,
    PARTNER_CENTER_CLIENT_ID: raw.PARTNER_CENTER_CLIENT_ID,
    PARTNER_CENTER_CLIENT_SECRET: raw.PARTNER_CENTER_CLIENT_SECRET,
    PARTNER_CENTER_REFRESH_TOKEN: raw.PARTNER_CENTER_REFRESH_TOKEN,
  };
  if (Object.values(values).every((value) => value === undefined)) return undefined;
  // The tenant and the app identify the sign-in (`pc-onboard login`); the secret and the refresh
  // token are only for a headless set-up that has no person to sign in.
  const missing = (['PARTNER_CENTER_TENANT_ID', 'PARTNER_CENTER_CLIENT_ID'] as const).filter((name) => values[name] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(`${missing[0]}: Partner Center is partly configured; also set ${missing.join(', ')} (or unset all PARTNER_CENTER_* variables to use the sandbox).`, missing[0]!);
  }
  return {
    tenantId: values.PARTNER_CENTER_TENANT_ID!,
    clientId: values.PARTNER_CENTER_CLIENT_ID!,
    ...(values.PARTNER_CENTER_CLIENT_SECRET ? { clientSecret: values.PARTNER_CENTER_CLIENT_SECRET } : {}),
    ...(values.PARTNER_CENTER_REFRESH_TOKEN ? { refreshToken: values.PARTNER_CENTER_REFRESH_TOKEN } : {}),
  };
}
