import { GERMANY_CLOSED } from '../../shared/partner-center/cloud-retired-error.ts';
import type { CloudName } from '../../shared/partner-center/clouds.ts';
import { UnsupportedCloudError } from '../errors/unsupported-cloud-error.ts';

/**
 * Refuses Germany (closed) and, when the worker talks to the real Partner Center,
 * any cloud other than the one its credentials belong to (`servedCloud`).
 */
export function checkImportCloud(cloud: CloudName, servedCloud: CloudName | undefined): void {
  if (cloud === 'germany') {
    throw new UnsupportedCloudError(cloud, `${GERMANY_CLOSED}; import with cloud "global".`);
  }
  if (servedCloud && cloud !== servedCloud) {
    throw new UnsupportedCloudError(
      cloud,
      `This worker's Partner Center credentials are for the ${servedCloud} cloud; import with cloud "${servedCloud}" or run a worker configured with PC_ONBOARD_CLOUD=${cloud}.`,
    );
  }
}
