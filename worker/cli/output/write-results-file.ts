import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Writes a results or failed-rows file from the service's byte stream. It goes to a temporary
 * name first, so an interrupted run never leaves a half-written file under the real name.
 */
export async function writeResultsFile(path: string, bytes: AsyncIterable<Uint8Array>): Promise<void> {
  const temporary = `${path}.${process.pid}.partial`;
  try {
    await pipeline(Readable.from(bytes), createWriteStream(temporary, { mode: 0o644 }));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
