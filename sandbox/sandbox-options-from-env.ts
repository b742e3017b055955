import type { SandboxOptions } from './sandbox-options.ts';
import { loseAnswersFromEnv } from './internal/lose-answer.ts';

/**
 * Reads sandbox options from environment variables, for `npm run sandbox` and the CLI.
 * Call it once at startup and pass the result to `startSandbox`; nothing else reads the env.
 *
 * SANDBOX_PORT (default 8090), SANDBOX_HOST, SANDBOX_TEST_TOKEN, SANDBOX_SEED,
 * SANDBOX_LATENCY_MS, SANDBOX_JITTER_MS, SANDBOX_ERROR_RATE, SANDBOX_DROP_RATE,
 * SANDBOX_DROP_MODE (error|reset|both), SANDBOX_RATE_CAPACITY, SANDBOX_RATE_PER_SECOND,
 * SANDBOX_REPLAY (true|false), SANDBOX_VISIBILITY_DELAY_MS, SANDBOX_REQUIRE_MCA (true|false),
 * SANDBOX_CLOUD (global|usgov|china), SANDBOX_DROP_ANSWERS (e.g. "agreement,checkout=2"),
 * SANDBOX_DROP_ANSWERS_MODE (reset|504).
 */
export function sandboxOptionsFromEnv(env: Record<string, string | undefined>): SandboxOptions {
  const faults: SandboxOptions['faults'] = {};
  const latencyMs = readNumber(env, 'SANDBOX_LATENCY_MS', 0, Infinity);
  if (latencyMs !== undefined) faults.latencyMs = latencyMs;
  const jitterMs = readNumber(env, 'SANDBOX_JITTER_MS', 0, Infinity);
  if (jitterMs !== undefined) faults.jitterMs = jitterMs;
  const errorRate = readNumber(env, 'SANDBOX_ERROR_RATE', 0, 1);
  if (errorRate !== undefined) faults.errorRate = errorRate;
  const dropRate = readNumber(env, 'SANDBOX_DROP_RATE', 0, 1);
  if (dropRate !== undefined) faults.dropAfterCommitRate = dropRate;
  const dropMode = env.SANDBOX_DROP_MODE;
  if (dropMode !== undefined && dropMode !== '') {
    if (dropMode !== 'error' && dropMode !== 'reset' && dropMode !== 'both') {
      throw new Error(`SANDBOX_DROP_MODE must be error, reset or both (got "${dropMode}").`);
    }
    faults.dropMode = dropMode;
  }
  const rateLimit: SandboxOptions['rateLimit'] = {};
  const capacity = readNumber(env, 'SANDBOX_RATE_CAPACITY', 1, Infinity);
  if (capacity !== undefined) rateLimit.capacity = capacity;
  const refill = readNumber(env, 'SANDBOX_RATE_PER_SECOND', 0, Infinity);
  if (refill !== undefined) rateLimit.refillPerSecond = refill;
  const options: SandboxOptions = {
    port: readNumber(env, 'SANDBOX_PORT', 0, 65535) ?? 8090,
    faults,
    rateLimit,
  };
  if (env.SANDBOX_HOST) options.host = env.SANDBOX_HOST;
  if (env.SANDBOX_TEST_TOKEN) options.testToken = env.SANDBOX_TEST_TOKEN;
  const replay = readBoolean(env, 'SANDBOX_REPLAY');
  if (replay !== undefined) options.replay = replay;
  const cloud = env.SANDBOX_CLOUD?.trim().toLowerCase();
  if (cloud !== undefined && cloud !== '') {
    if (cloud !== 'global' && cloud !== 'usgov' && cloud !== 'china') {
      throw new Error(`SANDBOX_CLOUD must be global, usgov or china (got "${env.SANDBOX_CLOUD}").`);
    }
    options.cloud = cloud;
  }
  const requireMca = readBoolean(env, 'SANDBOX_REQUIRE_MCA');
  if (requireMca !== undefined) options.requireAgreementForPurchases = requireMca;
  const visibilityDelayMs = readNumber(env, 'SANDBOX_VISIBILITY_DELAY_MS', 0, Infinity);
  if (visibilityDelayMs !== undefined) options.visibilityDelayMs = visibilityDelayMs;
  const loseAnswers = loseAnswersFromEnv(env);
  if (loseAnswers) options.loseAnswers = loseAnswers;
  const seed = readNumber(env, 'SANDBOX_SEED', -Infinity, Infinity);
  if (seed !== undefined) options.seed = seed;
  return options;
}

function readNumber(env: Record<string, string | undefined>, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number between ${min} and ${max} (got "${raw}").`);
  }
  return value;
}

function readBoolean(env: Record<string, string | undefined>, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false (got "${env[name]}").`);
}
