import { randomBytes } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { copyFile, link, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Gives up after this many taken names (a folder of 1 000 reruns is a mistake, not a history). */
const MAX_SUFFIX = 1000;

/**
 * Writes a results, failed-rows or skipped-rows file from the service's byte stream and returns
 * the path written. Files are never overwritten (docs/contracts/csv.md §5): when `path`
 * exists, the next free name `NAME-2.csv`, `NAME-3.csv`, … is taken. The bytes go to a temporary
 * file first and are linked under the free name in one step, so an interrupted run never leaves
 * a half-written file and two runs never take the same name.
 */
export async function writeResultsFile(path: string, bytes: AsyncIterable<Uint8Array>): Promise<string> {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
  try {
    await pipeline(Readable.from(bytes), createWriteStream(temporary, { mode: 0o644 }));
    for (let suffix = 1; suffix <= MAX_SUFFIX; suffix++) {
      const candidate = numberedPath(path, suffix);
      if (await placeExclusively(temporary, candidate)) return candidate;
    }
    throw new Error(`${path} and ${MAX_SUFFIX - 1} numbered copies exist already; move some away.`);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** `customers.results.csv`, 2 → `customers.results-2.csv` (1 is the name itself). */
export function numberedPath(path: string, suffix: number): string {
  if (suffix === 1) return path;
  const extension = extname(path);
  return join(dirname(path), `${basename(path, extension)}-${suffix}${extension}`);
}

async function placeExclusively(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
  }
  // File systems without hard links: an exclusive copy refuses an existing name the same way.
  try {
    await copyFile(from, to, constants.COPYFILE_EXCL);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
