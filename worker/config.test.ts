import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig, loadSandboxCommandOptions } from './config.ts';
import { isConfigError } from './errors/config-error.ts';

const freshDir = () => makeTempDir('pco-config-');

function configError(env: Record<string, string>, cwd = freshDir()) {
  try {
    loadConfig({ env, cwd });
  } catch (error) {
    if (isConfigError(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('should apply the documented defaults and generate the token and key with mode 0600', () => {
    const cwd = freshDir();
    const config = loadConfig({ env: {}, cwd });
    expect(config).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6379',
      dataDir: join(cwd, '.data'),
      host: '127.0.0.1',
      port: 8787,
      cloud: 'global',
      rateLimitPerMinute: 500,
      rateLimitWindowMs: 60_000,
      keyPrefix: 'pco',
      passwordTtlMs: 24 * 60 * 60 * 1000,
      importTtlMs: 30 * 24 * 60 * 60 * 1000,
      lockDurationMs: 30_000,
      apiTokenGenerated: true,
      logLevel: 'info',
    });
    expect(config.partnerCenter).toBeUndefined();
    expect(config.secretKey).toHaveLength(32);
    expect(statSync(join(cwd, '.data', 'api-token')).mode & 0o777).toBe(0o600);
    expect(statSync(join(cwd, '.data', 'secret-key')).mode & 0o777).toBe(0o600);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('should reuse the generated token and key on the next start', () => {
    const cwd = freshDir();
    const first = loadConfig({ env: {}, cwd });
    const second = loadConfig({ env: {}, cwd });
    expect(second.apiToken).toBe(first.apiToken);
    expect(second.apiTokenGenerated).toBe(false);
    expect(second.secretKey.equals(first.secretKey)).toBe(true);
    expect(readFileSync(join(cwd, '.data', 'api-token'), 'utf8').trim()).toBe(first.apiToken);
  });

  it('should read a JSON config file and let the environment win', () => {
    const cwd = freshDir();
    writeFileSync(join(cwd, 'pco.json'), JSON.stringify({ PC_ONBOARD_PORT: 9000, PC_ONBOARD_CONCURRENCY: '8', LOG_LEVEL: 'debug' }));
    const config = loadConfig({ env: { PC_ONBOARD_CONFIG: 'pco.json', LOG_LEVEL: 'warn' }, cwd });
    expect(config.port).toBe(9000);
    expect(config.concurrency).toBe(8);
    expect(config.logLevel).toBe('warn');
  });

  it.each([
    [{ PC_ONBOARD_PORT: 'eighty' }, 'PC_ONBOARD_PORT'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ PC_ONBOARD_CLOUD: 'mars' }, 'PC_ONBOARD_CLOUD'],
    [{ PC_ONBOARD_SECRET_KEY: 'dG9vIHNob3J0' }, 'PC_ONBOARD_SECRET_KEY'],
    [{ PC_ONBOARD_API_TOKEN: 'short' }, 'PC_ONBOARD_API_TOKEN'],
    [{ PC_ONBOARD_KEY_PREFIX: 'a:b' }, 'PC_ONBOARD_KEY_PREFIX'],
    [{ PARTNER_CENTER_TENANT_ID: 't' }, 'PARTNER_CENTER_CLIENT_ID'],
    [{ PC_ONBOARD_SANDBOX_URL: '127.0.0.1:8090' }, 'PC_ONBOARD_SANDBOX_URL'],
    [{ PC_ONBOARD_IMPORT_TTL_DAYS: '0' }, 'PC_ONBOARD_IMPORT_TTL_DAYS'],
    [{ PC_ONBOARD_LOCK_SECONDS: '1' }, 'PC_ONBOARD_LOCK_SECONDS'],
  ])('should fail naming the variable for %j', (env, variable) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it.each([
    [{ PC_ONBOARD_PORT: 'eighty' }, 'PC_ONBOARD_PORT: must be a whole number from 0 to 65535 (got "eighty").'],
    [{ PC_ONBOARD_CONCURRENCY: '2.5' }, 'PC_ONBOARD_CONCURRENCY: must be a whole number from 1 to 1000 (got "2.5").'],
    [{ PC_ONBOARD_IMPORT_TTL_DAYS: '-1' }, 'PC_ONBOARD_IMPORT_TTL_DAYS: must be a number greater than 0 and at most 3650 (got "-1").'],
    [{ PC_ONBOARD_CLOUD: 'mars' }, 'PC_ONBOARD_CLOUD: must be one of global, usgov, china (got "mars").'],
  ])('should say what a valid value looks like for %j', (env, message) => {
    expect(configError(env).message).toBe(message);
  });

  it('should never repeat a secret in its message, even a wrong one', () => {
    const error = configError({ PC_ONBOARD_API_TOKEN: 'tooShortSecret' });
    expect(error.message).toBe('PC_ONBOARD_API_TOKEN: must be at least 16 characters (value hidden).');
  });

  it("should give the built-in sandbox the answers to lose only when SANDBOX_DROP_ANSWERS asks, and name a bad value's variable", () => {
    expect(loadConfig({ env: {}, cwd: freshDir() }).sandboxLoseAnswers).toBeUndefined();
    expect(loadConfig({ env: { SANDBOX_DROP_ANSWERS: 'order=2', SANDBOX_DROP_ANSWERS_MODE: '504' }, cwd: freshDir() }).sandboxLoseAnswers).toEqual({
      next: { customer: 0, agreement: 0, cart: 0, checkout: 0, order: 2 },
      mode: '504',
    });
    expect(configError({ SANDBOX_DROP_ANSWERS: 'orders' })).toMatchObject({ variable: 'SANDBOX_DROP_ANSWERS', message: expect.stringContaining('customer, agreement, cart, checkout, order') });
    expect(configError({ SANDBOX_DROP_ANSWERS_MODE: 'drop' })).toMatchObject({ variable: 'SANDBOX_DROP_ANSWERS_MODE' });
  });

  it('should refuse Microsoft Cloud Germany with the reason', () => {
    expect(configError({ PC_ONBOARD_CLOUD: 'germany' }).message).toMatch(/closed on 29 October 2021.*global/);
  });

  it('should select the real Partner Center only when all four credentials are set', () => {
    const config = loadConfig({
      env: { PARTNER_CENTER_TENANT_ID: 't', PARTNER_CENTER_CLIENT_ID: 'c', PARTNER_CENTER_CLIENT_SECRET: 's', PARTNER_CENTER_REFRESH_TOKEN: 'r' },
      cwd: freshDir(),
    });
    expect(config.partnerCenter).toEqual({ tenantId: 't', clientId: 'c', clientSecret: 's', refreshToken: 'r' });
  });

  it('should document every variable it reads', () => {
    expect(CONFIG_VARIABLES.map((variable) => variable.name)).toContain('PC_ONBOARD_KEY_PREFIX');
    expect(CONFIG_VARIABLES.find((variable) => variable.name === 'PC_ONBOARD_KEY_PREFIX')?.meaning).toContain('{pco}');
  });

  it('should point every process at a shared sandbox only when PC_ONBOARD_SANDBOX_URL is set', () => {
    expect(loadConfig({ env: {}, cwd: freshDir() }).sharedSandbox).toBeUndefined();
    const config = loadConfig({ env: { PC_ONBOARD_SANDBOX_URL: 'http://127.0.0.1:8090/' }, cwd: freshDir() });
    expect(config.sharedSandbox).toEqual({ url: 'http://127.0.0.1:8090', token: 'sandbox-test-token' });
    const custom = loadConfig({ env: { PC_ONBOARD_SANDBOX_URL: 'http://sandbox:8090', PC_ONBOARD_SANDBOX_TOKEN: 'tok' }, cwd: freshDir() });
    expect(custom.sharedSandbox).toEqual({ url: 'http://sandbox:8090', token: 'tok' });
  });

  it('should read Redis Cluster seed nodes and insist on a hash-tag key prefix', () => {
    const config = loadConfig({ env: { REDIS_CLUSTER_NODES: '10.0.0.1:7000, 10.0.0.2:7001', PC_ONBOARD_KEY_PREFIX: '{pco}' }, cwd: freshDir() });
    expect(config.redisClusterNodes).toEqual(['10.0.0.1:7000', '10.0.0.2:7001']);
    expect(configError({ REDIS_CLUSTER_NODES: '10.0.0.1:7000' }).message).toContain('PC_ONBOARD_KEY_PREFIX: with REDIS_CLUSTER_NODES every key must land in one slot, so the prefix needs a hash tag, e.g. {pco}');
    expect(configError({ REDIS_CLUSTER_NODES: 'redis://10.0.0.1:7000', PC_ONBOARD_KEY_PREFIX: '{pco}' }).message).toContain('REDIS_CLUSTER_NODES: must list host:port seed nodes');
  });
});

describe('loadSandboxCommandOptions', () => {
  it('should read the standalone sandbox options with the default test token', () => {
    expect(loadSandboxCommandOptions({ SANDBOX_PORT: '0' })).toMatchObject({ port: 0, testToken: 'sandbox-test-token' });
    expect(loadSandboxCommandOptions({ SANDBOX_TEST_TOKEN: 'mine' }).testToken).toBe('mine');
  });

  it('should fail with a ConfigError naming the variable', () => {
    let caught: unknown;
    try {
      loadSandboxCommandOptions({ SANDBOX_ERROR_RATE: '2' });
    } catch (error) {
      caught = error;
    }
    expect(isConfigError(caught) && caught.variable).toBe('SANDBOX_ERROR_RATE');
  });
});
