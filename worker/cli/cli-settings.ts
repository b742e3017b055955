import { z } from 'zod';
import { UsageError } from './usage-error.ts';

/**
 * The CLI's own settings, read once from the environment by `main.ts` (the worker's settings are
 * `loadConfig`'s). They point every process at one standalone sandbox (`pc-onboard sandbox`), so
 * that `serve`, extra `worker`s and `import` runs share its customers instead of each starting a
 * private, empty one.
 */
export interface CliSettings {
  /** Base URL of a running sandbox, e.g. `http://127.0.0.1:8090`. Ignored when real Partner Center credentials are configured. */
  sandboxUrl?: string;
  /** The token that sandbox accepts (its `--test-token`, printed by `pc-onboard sandbox`). */
  sandboxToken: string;
}

export const DEFAULT_SANDBOX_TOKEN = 'sandbox-test-token';

const settingsSchema = z.object({
  PC_ONBOARD_SANDBOX_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8090' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  PC_ONBOARD_SANDBOX_TOKEN: z.string().min(1).default(DEFAULT_SANDBOX_TOKEN),
});

export function readCliSettings(env: Record<string, string | undefined>): CliSettings {
  const present = Object.fromEntries(
    Object.entries({ PC_ONBOARD_SANDBOX_URL: env.PC_ONBOARD_SANDBOX_URL, PC_ONBOARD_SANDBOX_TOKEN: env.PC_ONBOARD_SANDBOX_TOKEN }).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  );
  const parsed = settingsSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${String(issue.path[0])}: ${issue.message}.`);
  }
  return { sandboxUrl: parsed.data.PC_ONBOARD_SANDBOX_URL, sandboxToken: parsed.data.PC_ONBOARD_SANDBOX_TOKEN };
}
