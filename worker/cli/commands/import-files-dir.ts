import { stat } from 'node:fs/promises';
import type { ImportService } from '../../imports/import-service.ts';

/**
 * Where an import's files are written again (`results`, `resume`, `retry`): next to the file
 * the CLI read when that folder still exists, else the current folder.
 */
export async function importFilesDir(service: ImportService, importId: string, cwd: string): Promise<string> {
  const sourceDir = await service.sourceDirOf(importId);
  if (sourceDir && (await stat(sourceDir).catch(() => undefined))?.isDirectory()) return sourceDir;
  return cwd;
}
