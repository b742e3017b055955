import { TEST_REDIS_URL } from '../redis/with-redis.ts';

/**
 * The environment of a `pc-onboard` child process in a test: the test Redis under the test's own
 * key prefix, its own data folder, and (when given) a sandbox to use as Partner Center.
 */
export function cliTestEnv(
  options: { prefix: string; dataDir: string; sandbox?: { url: string; token: string } },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    REDIS_URL: TEST_REDIS_URL,
    PC_ONBOARD_KEY_PREFIX: options.prefix,
    PC_ONBOARD_DATA_DIR: options.dataDir,
    ...(options.sandbox ? { PC_ONBOARD_SANDBOX_URL: options.sandbox.url, PC_ONBOARD_SANDBOX_TOKEN: options.sandbox.token } : {}),
    ...extra,
  };
}
