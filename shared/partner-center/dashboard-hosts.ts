/**
 * Partner Center dashboard hosts, one per live cloud (partner-center-api.md §1).
 * Global and US Government share partner.microsoft.com; 21Vianet has its own dashboard.
 */
export const DASHBOARD_MATCHES = [
  'https://partner.microsoft.com/*',
  'https://partner.microsoftonline.cn/*',
] as const;
