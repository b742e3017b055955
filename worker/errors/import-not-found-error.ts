import { ImportError } from './import-error.ts';

/** No import (or row) with that id exists in Redis. */
export class ImportNotFoundError extends ImportError {
  readonly importId: string;

  constructor(importId: string, options?: ErrorOptions) {
    super(`Import ${importId} does not exist (or its data expired).`, options);
    this.name = 'ImportNotFoundError';
    this.importId = importId;
  }
}

export function isImportNotFoundError(error: unknown): error is ImportNotFoundError {
  return error instanceof ImportNotFoundError;
}
