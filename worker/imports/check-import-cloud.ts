import type { CloudName } from '../../shared/partner-center/clouds.ts';
import { UnsupportedCloudError } from '../errors/unsupported-cloud-error.ts';

/**
 * Refuses Germany (closed on 29 Oct 2021) and, when the worker talks to the real Partner Center,
 * any cloud other than the one its credentials belong to (`servedCloud`).
 */
export function checkImportCloud(cloud: CloudName, servedCloud: CloudName | undefined): void {
  if (cloud === 'germany') {
    throw new UnsupportedCloudError(
      cloud,
      'Microsoft Cloud Germany closed on 29 October 2021 and its customers moved to the global cloud; import with cloud "global".',
    );
  }
  if (servedCloud && cloud !== servedCloud) {
    throw new UnsupportedCloudError(
      cloud,
      `This worker's Partner Center credentials are for the ${servedCloud} cloud; import with cloud "${servedCloud}" or run a worker configured with PC_ONBOARD_CLOUD=${cloud}.`,
    );
  }
}
