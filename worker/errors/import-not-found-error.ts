import { WorkerError } from './worker-error.ts';

/** No import (or row) with that id exists in Redis. */
export class ImportNotFoundError extends WorkerError {
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
