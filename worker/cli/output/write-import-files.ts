import { join } from 'node:path';
import type { StatusCounts } from '../../../shared/imports/import-types.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import { resultsFileName } from '../../imports/results-file-name.ts';
import type { ImportService } from '../../imports/import-service.ts';
import { writeResultsFile } from './write-results-file.ts';

/** Where an import's files go (before a taken name gets its `-2`, `-3`, …). */
export interface ImportFilePaths {
  results: string;
  failed: string;
  skipped: string;
}

/** The paths actually written; a file with no rows to hold is not written. */
export interface WrittenFiles {
  results?: string;
  failed?: string;
  skipped?: string;
}

/** `<dir>/customers.results.csv`, `.failed.csv`, `.skipped.csv` for an import of `customers.csv`. */
export function importFilePaths(dir: string, fileName: string): ImportFilePaths {
  return {
    results: join(dir, resultsFileName(fileName, 'results')),
    failed: join(dir, resultsFileName(fileName, 'failed')),
    skipped: join(dir, resultsFileName(fileName, 'skipped')),
  };
}

/**
 * Writes the results file, the failed-rows file (when rows are invalid or failed) and the
 * skipped-rows file (when a cancel skipped rows: import it to create them), never over an
 * existing file.
 */
export async function writeImportFiles(
  service: ImportService,
  importId: string,
  counts: StatusCounts,
  paths: Partial<ImportFilePaths>,
  language: Language,
  /** The import was cancelled: its skipped rows include rows that never ran. */
  cancelled: boolean,
): Promise<WrittenFiles> {
  const written: WrittenFiles = {};
  if (paths.results) written.results = await writeResultsFile(paths.results, service.resultsCsv(importId, 'results', language));
  if (paths.failed && counts.invalid + counts.failed > 0) written.failed = await writeResultsFile(paths.failed, service.resultsCsv(importId, 'failed', language));
  if (paths.skipped && cancelled && counts.skipped > 0) written.skipped = await writeResultsFile(paths.skipped, service.resultsCsv(importId, 'skipped', language));
  return written;
}
