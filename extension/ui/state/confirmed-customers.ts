import { storage } from 'wxt/utils/storage';
import type { ConfirmationRecord } from '../../../shared/form/fill-messages.ts';

/** A customer a person submitted in the wizard, as the confirmation page showed it. Never the password. */
export type ConfirmedCustomer = Omit<ConfirmationRecord, 'type'>;

/** Most recent first; capped so storage stays small. */
export const confirmedCustomersItem = storage.defineItem<ConfirmedCustomer[]>('local:confirmedCustomers', { fallback: [] });

const MAX_CONFIRMED_CUSTOMERS = 200;

/**
 * Adds a confirmation, replacing an earlier record of the same admin user (a reload of the
 * confirmation page sends it again). Copies the known fields only, so nothing else is ever kept.
 */
export async function recordConfirmedCustomer(record: ConfirmationRecord): Promise<void> {
  const clean: ConfirmedCustomer = {
    adminUserName: record.adminUserName,
    domain: record.domain,
    recordedAt: record.recordedAt,
    pageUrl: record.pageUrl,
  };
  const existing = await confirmedCustomersItem.getValue();
  const others = existing.filter((item) => item.adminUserName !== clean.adminUserName);
  await confirmedCustomersItem.setValue([clean, ...others].slice(0, MAX_CONFIRMED_CUSTOMERS));
}
