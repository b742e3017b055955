import { CLOUDS } from './clouds.ts';

/**
 * Match patterns of the Partner Center dashboards of every live cloud (docs/contracts/partner-center.md §1):
 * global and US Government share partner.microsoft.com; 21Vianet has its own. The content script
 * runs on these and acts only where it recognises the wizard.
 */
export const DASHBOARD_MATCHES: readonly string[] = [
  ...new Set(Object.values(CLOUDS).map((cloud) => `${cloud.dashboardHost}/*`)),
];
