#!/usr/bin/env node
import { loadConfig, loadSandboxCommandOptions } from '../config.ts';
import { processIo } from './cli-io.ts';
import { runCli } from './run-cli.ts';

/** The `pc-onboard` entry point (package `bin`; `npm start` runs `serve`). The composition root: the only place that touches `process`. */
const exitCode = await runCli(process.argv, {
  io: processIo,
  loadConfig: () => loadConfig(),
  openRuntime: async (config, options) => (await import('./open-cli-runtime.ts')).openCliRuntime(config, options),
  loadSandboxOptions: () => loadSandboxCommandOptions(),
  exitNow: (code) => process.exit(code),
  onSignal(handler) {
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  },
});
// Every command closes what it opened, so the process ends on its own (no forced exit).
process.exitCode = exitCode;
