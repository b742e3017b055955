/**
 * The names under which the Subscriptions step lists catalog items (docs/contracts/partner-center.md §0.10,
 * the sandbox catalog). Offer rows are matched by id or by this name (docs/contracts/wizard-form.md Step 2).
 */
export const CATALOG_NAMES: Readonly<Record<string, string>> = {
  'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF': 'Microsoft 365 Business Basic',
  'CFQ7TTC0LDPB:0001:CFQ7TTC0K5C2': 'Microsoft 365 Business Standard',
  'CFQ7TTC0LCHC:0002:CFQ7TTC0K5CM': 'Microsoft 365 Business Premium',
  'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ': 'Office 365 E3',
  'CFQ7TTC0LFLX:0001:CFQ7TTC0K5F0': 'Microsoft 365 E3',
  'CFQ7TTC0LFLZ:0002:CFQ7TTC0K5F5': 'Microsoft 365 E5',
  'CFQ7TTC0LH16:0001:CFQ7TTC0K5BL': 'Exchange Online (Plan 1)',
  'CFQ7TTC0J1FV:0002:CFQ7TTC0K5QS': 'Microsoft Teams Essentials',
  'CFQ7TTC0LCHC:0001:CFQ7TTC0K5CQ': 'Microsoft Defender for Business',
  'CFQ7TTC0LHSV:0001:CFQ7TTC0K5GJ': 'Microsoft 365 Apps for business',
  'DZH318Z0BQ3Q:0001:DZH318Z0BQ3R': 'Azure plan',
  '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14': 'Office 365 E1 (legacy offer)',
};

/** The catalog name of an offer id (case-insensitive), if known. */
export function catalogName(offerId: string): string | undefined {
  return CATALOG_NAMES[offerId.toUpperCase()];
}
