import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  /** stdout and stderr together, as read so far. */
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts a long-running command (`serve`, `worker`, `sandbox`) and resolves once its output
 * contains `ready`. Node runs directly (the tests already run on Node 24) so that SIGTERM and
 * SIGINT reach the CLI, not an `npx` wrapper. Test helper; `stopAll` kills what is left.
 */
export function startCliProcess(args: readonly string[], env: Record<string, string>, ready: string): Promise<CliProcess> {
  const child = spawn(process.execPath, ['worker/cli/main.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pc-onboard ${args.join(' ')} did not print "${ready}":\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve({ child, output: () => output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('close', () => {
      clearTimeout(timer);
      reject(new Error(`pc-onboard ${args.join(' ')} exited early:\n${output}`));
    });
  });
}

const started: ChildProcess[] = [];

export function stopAll(): void {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
