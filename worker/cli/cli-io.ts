/** Where a command writes: stdout for results (the password, `--json`), stderr for progress and messages. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** For the few questions asked on a terminal (never when it is not one). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}

export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  // Opened only when a question is asked, so a command that asks none never holds the terminal.
  get stdin() {
    return process.stdin;
  },
};
