import type { CliDeps } from '../cli-deps.ts';

/** Resolves on the first SIGINT/SIGTERM, for the long-running commands' graceful shutdown. */
export function waitForSignal(deps: Pick<CliDeps, 'onSignal'>): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const remove = deps.onSignal((signal) => {
      remove();
      resolve(signal);
    });
  });
}
