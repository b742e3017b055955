/** The Partner Center clouds pc-onboard knows (partner-center-api.md §0.4, §1). Details: B's implementation. */
export const CLOUD_NAMES = ['global', 'usgov', 'china', 'germany'] as const;
export type CloudName = (typeof CLOUD_NAMES)[number];
