import type { Config } from '../config.ts';
import { createRuntime, type Runtime } from '../runtime/create-runtime.ts';
import type { CliRuntime, OpenCliRuntimeOptions } from './cli-runtime.ts';
import type { CliSettings } from './cli-settings.ts';
import { createRuntimeOnSandbox } from './create-runtime-on-sandbox.ts';

/**
 * Opens the worker runtime for a command: engineer D's `createRuntime` (real Partner Center, or a
 * private in-process sandbox), or — when `PC_ONBOARD_SANDBOX_URL` names a running sandbox and no
 * real credentials are configured — the same wiring against that shared sandbox.
 */
export function createCliRuntimeOpener(settings: CliSettings) {
  return async (config: Readonly<Config>, options: OpenCliRuntimeOptions): Promise<CliRuntime> => {
    const runtime =
      settings.sandboxUrl && !config.partnerCenter
        ? await createRuntimeOnSandbox(config, options, { url: settings.sandboxUrl, token: settings.sandboxToken })
        : await createRuntime(config, options);
    return toCliRuntime(runtime);
  };
}

function toCliRuntime(runtime: Runtime): CliRuntime {
  return {
    config: runtime.config,
    service: runtime.service,
    partnerCenterMode: runtime.partnerCenterMode,
    banner: runtime.banner,
    queues: [runtime.queue],
    checkHealth: () => runtime.checkHealth(),
    close: () => runtime.close(),
  };
}
