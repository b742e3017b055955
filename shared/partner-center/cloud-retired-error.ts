import { PartnerCenterError } from './partner-center-error.ts';

/** Why `germany` is refused everywhere (docs/contracts/partner-center.md §0.4); callers add what to do instead. */
export const GERMANY_CLOSED = 'Microsoft Cloud Germany closed on 29 October 2021 and its customers moved to the global cloud';

/**
 * The chosen cloud no longer exists. Thrown by `resolveCloud('germany')` before any call is made.
 */
export class CloudRetiredError extends PartnerCenterError {
  override name = 'CloudRetiredError';
  readonly cloud: string;

  constructor(cloud: string) {
    super({
      errorCode: 'cloud_retired',
      retryable: false,
      message: `${GERMANY_CLOSED}. Choose the global cloud (cloud "global") to onboard German customers.`,
    });
    this.cloud = cloud;
  }
}

export function isCloudRetiredError(error: unknown): error is CloudRetiredError {
  return error instanceof CloudRetiredError;
}
