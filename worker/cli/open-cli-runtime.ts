import type { Config } from '../config.ts';
import { redactUrl } from '../redis/connect-redis.ts';
import { useRunningSandbox } from '../partner-center/select-partner-center.ts';
import type { SignInDeps } from '../partner-center/connect-signed-in.ts';
import { createRuntime, type Runtime } from '../runtime/create-runtime.ts';
import type { CliRuntime, OpenCliRuntimeOptions } from './cli-runtime.ts';

/**
 * Opens the worker runtime (`createRuntime`) for a command: the real Partner Center when
 * credentials are configured; else the sandbox that `PC_ONBOARD_SANDBOX_URL` names, shared by
 * every process pointed at it; else a private sandbox in this process.
 */
export async function openCliRuntime(config: Readonly<Config>, options: OpenCliRuntimeOptions): Promise<CliRuntime> {
  const sandbox = config.sharedSandbox && !config.partnerCenter ? config.sharedSandbox : undefined;
  const shared = sandbox ? (signIn: SignInDeps) => useRunningSandbox({ ...sandbox, cloud: config.cloud }, signIn) : undefined;
  const runtime = await createRuntime(config, { ...options, ...(shared ? { partnerCenter: shared } : {}) });
  return toCliRuntime(runtime);
}

function toCliRuntime(runtime: Runtime): CliRuntime {
  return {
    config: runtime.config,
    service: runtime.service,
    ledger: runtime.ledger,
    tokens: runtime.tokens,
    partnerCenterMode: runtime.partnerCenterMode,
    banner: runtime.banner,
    redisUrl: redactUrl(runtime.redisUrl),
    queues: [runtime.queue],
    checkHealth: () => runtime.checkHealth(),
    openApiService: () => runtime.openApiService(),
    reportError: (error, context) => runtime.logger.error({ ...context, error: error instanceof Error ? error.stack : String(error) }, 'API request failed'),
    close: () => runtime.close(),
  };
}
