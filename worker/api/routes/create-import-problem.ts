import { ApiProblemError, isApiProblemError } from '../problems/api-problem-error.ts';

/**
 * Maps what `createImport` throws to a problem. A file-level CSV error (csv-format.md §3: no header,
 * missing column, undecodable bytes …) is the caller's to fix, so it is a 422 with the reader's own
 * message; anything else stays an internal error.
 */
export function toCreateImportProblem(error: unknown): unknown {
  if (isApiProblemError(error)) return error;
  const fileError = asFileError(error);
  if (fileError) {
    return new ApiProblemError({
      status: 422,
      slug: 'csv-file-refused',
      title: 'CSV file refused',
      detail: fileError.message,
      extensions: fileError.code ? { code: fileError.code } : {},
      cause: error,
    });
  }
  return error;
}

function asFileError(error: unknown): { message: string; code?: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (/FileError$/.test(error.name)) return { message: error.message, code: typeof code === 'string' ? code : undefined };
  return undefined;
}
