import type { CloudName } from '../../shared/partner-center/clouds.ts';
import { WorkerError } from './worker-error.ts';

/**
 * An import asked for a cloud this worker cannot serve: Germany (closed), or another cloud than
 * the one its real Partner Center credentials belong to. The API answers 422.
 */
export class UnsupportedCloudError extends WorkerError {
  readonly cloud: CloudName;

  constructor(cloud: CloudName, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UnsupportedCloudError';
    this.cloud = cloud;
  }
}

export function isUnsupportedCloudError(error: unknown): error is UnsupportedCloudError {
  return error instanceof UnsupportedCloudError;
}
