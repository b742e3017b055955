import type { Config } from '../config.ts';
import type { CliIo } from './cli-io.ts';
import type { OpenCliRuntime } from './cli-runtime.ts';

/** What every command gets from `main.ts`; tests build their own. */
export interface CliDeps {
  io: CliIo;
  /** Reads and validates the configuration (throws `ConfigError` naming the variable). */
  loadConfig: () => Readonly<Config>;
  openRuntime: OpenCliRuntime;
  /** The environment, for the standalone sandbox's SANDBOX_* options only. */
  env: Record<string, string | undefined>;
  /** Registers a Ctrl+C / SIGTERM handler; returns a function that removes it. */
  onSignal: (handler: (signal: NodeJS.Signals) => void) => () => void;
}
