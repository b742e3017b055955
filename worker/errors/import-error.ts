/**
 * The base of every error the worker raises itself. Subclasses set `name`; guards
 * are `is*Error` functions so that errors crossing `await` boundaries are still recognised.
 */
export class ImportError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ImportError';
  }
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}
