import { WorkerError } from './worker-error.ts';

/** No Redis answered and none could be started; the message says how to get one. */
export class RedisUnavailableError extends WorkerError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RedisUnavailableError';
  }
}

export function isRedisUnavailableError(error: unknown): error is RedisUnavailableError {
  return error instanceof RedisUnavailableError;
}
