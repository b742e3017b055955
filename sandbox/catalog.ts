/**
 * The sandbox catalog: exactly the items of docs/contracts/partner-center.md §0.10, the same for every
 * country. Ids are matched case-insensitively.
 */
export type SandboxTerm = 'P1M' | 'P1Y' | 'P3Y';
export type SandboxBillingCycle = 'monthly' | 'annual';

export interface SandboxCatalogEntry {
  /** `PRODUCT:SKU:AVAILABILITY` for new commerce, a GUID for the legacy offer. */
  id: string;
  name: string;
  kind: 'new-commerce' | 'azure-plan' | 'legacy';
}

export const SANDBOX_CATALOG: readonly SandboxCatalogEntry[] = Object.freeze([
  { id: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', name: 'Microsoft 365 Business Basic', kind: 'new-commerce' },
  { id: 'CFQ7TTC0LDPB:0001:CFQ7TTC0K5C2', name: 'Microsoft 365 Business Standard', kind: 'new-commerce' },
  { id: 'CFQ7TTC0LCHC:0002:CFQ7TTC0K5CM', name: 'Microsoft 365 Business Premium', kind: 'new-commerce' },
  { id: 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ', name: 'Office 365 E3', kind: 'new-commerce' },
  { id: 'CFQ7TTC0LFLX:0001:CFQ7TTC0K5F0', name: 'Microsoft 365 E3', kind: 'new-commerce' },
  { id: 'CFQ7TTC0LFLZ:0002:CFQ7TTC0K5F5', name: 'Microsoft 365 E5', kind: 'new-commerce' },
  { id: 'CFQ7TTC0LH16:0001:CFQ7TTC0K5BL', name: 'Exchange Online (Plan 1)', kind: 'new-commerce' },
  { id: 'CFQ7TTC0J1FV:0002:CFQ7TTC0K5QS', name: 'Microsoft Teams Essentials', kind: 'new-commerce' },
  { id: 'CFQ7TTC0LCHC:0001:CFQ7TTC0K5CQ', name: 'Microsoft Defender for Business', kind: 'new-commerce' },
  { id: 'CFQ7TTC0LHSV:0001:CFQ7TTC0K5GJ', name: 'Microsoft 365 Apps for business', kind: 'new-commerce' },
  { id: 'DZH318Z0BQ3Q:0001:DZH318Z0BQ3R', name: 'Azure plan', kind: 'azure-plan' },
  { id: '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14', name: 'Office 365 E1 (legacy offer)', kind: 'legacy' },
] satisfies SandboxCatalogEntry[]);

export function findCatalogEntry(id: string): SandboxCatalogEntry | undefined {
  const wanted = id.toUpperCase();
  return SANDBOX_CATALOG.find((entry) => entry.id === wanted);
}

/**
 * The (term, billing cycle) pairs a new-commerce item accepts: every term, monthly or annual,
 * except P1M which bills monthly only (§0.10).
 */
export const LICENCE_TERMS: readonly { duration: SandboxTerm; billingCycle: SandboxBillingCycle }[] = Object.freeze([
  { duration: 'P1M', billingCycle: 'monthly' },
  { duration: 'P1Y', billingCycle: 'monthly' },
  { duration: 'P1Y', billingCycle: 'annual' },
  { duration: 'P3Y', billingCycle: 'monthly' },
  { duration: 'P3Y', billingCycle: 'annual' },
]);
