import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SpawnCliOptions {
  timeoutMs?: number;
  /** Run Node directly instead of through `npx`, so that signals sent to the child reach the CLI. */
  direct?: boolean;
  /** Called on every stderr chunk with everything read so far (e.g. to send a signal at some point). */
  onStderr?: (stderr: string, child: ChildProcess) => void;
}

/**
 * Runs `npx node worker/cli/main.ts …` as a child process, the way a user runs the CLI, with
 * the given environment on top of a clean one (no real Partner Center credentials). Test helper.
 */
export function spawnCli(args: readonly string[], env: Record<string, string>, options: SpawnCliOptions = {}): Promise<CliRun> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(PARTNER_CENTER_|PC_ONBOARD_|REDIS_URL$|LOG_LEVEL$)/.test(name)));
  return new Promise((resolve, reject) => {
    const [command, prefix] = options.direct ? [process.execPath, []] : ['npx', ['node']];
    const child = spawn(command, [...prefix, 'worker/cli/main.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      options.onStderr?.(stderr, child);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`pc-onboard ${args.join(' ')} did not end within ${timeoutMs} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
