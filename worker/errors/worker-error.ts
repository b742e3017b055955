/**
 * The base of every error the worker raises itself (configuration, Redis, imports, rows).
 * Subclasses set `name`; guards are `is*Error` functions so that errors crossing `await`
 * boundaries are still recognised.
 */
export class WorkerError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'WorkerError';
  }
}
