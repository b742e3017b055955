import { PassThrough } from 'node:stream';
import type { CliIo } from '../../../worker/cli/cli-io.ts';

/** A CliIo whose output the test reads back (test helper). */
export function captureIo(options: { tty?: boolean } = {}): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: options.tty ?? false, columns: 120 });
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return { stdout, stderr, out: () => out, err: () => err };
}
