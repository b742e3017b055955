import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface PtyCli {
  /** Everything the terminal showed so far (stdout and stderr together, as a user sees them). */
  output(): string;
  /** Types on the keyboard: `'\x03'` is Ctrl+C (the terminal turns it into SIGINT), `'y\r'` answers. */
  type(keys: string): void;
  /** Resolves once the output matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

/**
 * Runs `node worker/cli/main.ts …` on a pseudo-terminal, as a user in a terminal runs it: util-linux
 * `script` gives the CLI a TTY (so it draws its progress bar and asks its questions), and keys
 * written to it go through the terminal (Ctrl+C becomes SIGINT for the CLI). No native addon.
 * Test helper.
 */
export function runCliOnPty(args: readonly string[], env: Record<string, string>): PtyCli {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(PARTNER_CENTER_|PC_ONBOARD_|REDIS_URL$|LOG_LEVEL$)/.test(name)));
  const command = ['stty cols 120 rows 40;', 'exec', ...[process.execPath, 'worker/cli/main.ts', ...args].map(shellQuote)].join(' ');
  const child = spawn('script', ['--quiet', '--flush', '--return', '--command', command, '/dev/null'], {
    cwd: REPO_ROOT,
    env: { ...base, ...env, TERM: 'xterm' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const wake of waiters) wake();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    output: () => output,
    type(keys) {
      child.stdin.write(keys);
    },
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (!match) return;
          cleanup();
          resolve(match);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`the terminal never showed ${pattern}; it shows:\n${output}`));
        }, timeoutMs);
        const onExit = () => {
          check();
          if (!waiters.has(check)) return;
          cleanup();
          reject(new Error(`pc-onboard ${args.join(' ')} ended before showing ${pattern}; it showed:\n${output}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        void exited.then(onExit);
        check();
      });
    },
    exited,
  };
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
