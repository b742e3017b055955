import { isCloudRetiredError } from '../../../shared/partner-center/cloud-retired-error.ts';
import { isUnsupportedCloudError } from '../../errors/unsupported-cloud-error.ts';
import { isCsvFileError } from '../../../shared/csv/csv-file-error.ts';
import { ApiProblemError } from './api-problem-error.ts';

/**
 * The problem for what `createImport` refuses, or undefined for any other error. A file-level CSV
 * error (docs/contracts/csv.md §3: no header, missing column, undecodable bytes …) is the
 * caller's to fix, so it is a 422 carrying the reader's stable `reason`, its message in EN and JA,
 * and the columns concerned. A cloud that is closed (Germany) or not served by this worker's
 * credentials is a 422 too.
 */
export function toCsvOrCloudProblem(error: unknown): ApiProblemError | undefined {
  if (isCloudRetiredError(error) || isUnsupportedCloudError(error)) {
    return new ApiProblemError({ status: 422, slug: 'unsupported-cloud', title: 'Cloud not available', detail: error.message, cause: error });
  }
  if (!isCsvFileError(error)) return undefined;
  return new ApiProblemError({
    status: 422,
    slug: 'csv-file-refused',
    title: 'CSV file refused',
    detail: error.localized.en,
    extensions: {
      reason: error.reason,
      localizedDetail: error.localized,
      ...(error.columns.length > 0 ? { columns: error.columns } : {}),
      ...(error.suggestion !== undefined ? { suggestion: error.suggestion } : {}),
    },
    cause: error,
  });
}
