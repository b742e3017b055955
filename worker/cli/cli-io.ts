/** Where a command writes: stdout for results (the password, `--json`), stderr for progress and messages. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr };
