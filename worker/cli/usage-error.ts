/**
 * A mistake in how the CLI was called or in the file it was given: it exits with code 2 and prints
 * `message`, which must say what to fix.
 */
export class UsageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError;
}
