import type { CloudName } from '../../shared/partner-center/clouds.ts';

/** The initial-domain suffix of new tenants per cloud (docs/contracts/partner-center-api.md §0.4). */
export function domainSuffixOf(cloud: CloudName): string {
  return cloud === 'china' ? 'partner.onmschina.cn' : 'onmicrosoft.com';
}
