import type { CustomerRecord } from './customer-record.ts';

/**
 * Partner Center's address has no third line (docs/contracts/partner-center.md §4: only
 * addressLine1 and addressLine2 are documented), so a third line is joined onto the second.
 */
export function addressLineTwo(record: Pick<CustomerRecord, 'address_line2' | 'address_line3'>): string | undefined {
  const parts = [record.address_line2, record.address_line3].filter((part): part is string => part !== undefined && part !== '');
  return parts.length === 0 ? undefined : parts.join(' ');
}
