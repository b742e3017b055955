import { WorkerError } from './worker-error.ts';

/** The configuration is invalid; `variable` names the environment variable to fix. */
export class ConfigError extends WorkerError {
  readonly variable: string;

  constructor(message: string, variable: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}
