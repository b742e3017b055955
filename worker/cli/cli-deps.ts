import type { SandboxOptions } from '../../sandbox/sandbox-options.ts';
import type { Config } from '../config.ts';
import type { CliIo } from './cli-io.ts';
import type { OpenCliRuntime } from './cli-runtime.ts';

/** What every command gets from `main.ts`; tests build their own. */
export interface CliDeps {
  io: CliIo;
  /** Reads and validates the configuration (throws `ConfigError` naming the variable). */
  loadConfig: () => Readonly<Config>;
  openRuntime: OpenCliRuntime;
  /** Reads the standalone sandbox's `SANDBOX_*` options (throws `ConfigError` naming the variable). */
  loadSandboxOptions: () => SandboxOptions & { testToken: string };
  /** Registers a Ctrl+C / SIGTERM handler; returns a function that removes it. */
  onSignal: (handler: (signal: NodeJS.Signals) => void) => () => void;
  /**
   * Ends the process at once (a second Ctrl+C): rows still running are left to their locks and
   * picked up again by `resume`. Without it (unit tests) the command returns its code instead.
   */
  exitNow?: (code: number) => void;
}
