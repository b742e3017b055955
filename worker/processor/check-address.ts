import type { AddressValidationStatus, PostalAddress } from '../../shared/partner-center/partner-center-client.ts';
import { RowOutcomeError } from '../errors/row-outcome-error.ts';
import { addressLineTwo } from '../../shared/customer/address-line-two.ts';
import { ROW_MESSAGES } from './row-messages.ts';
import type { RowContext } from './row-context.ts';

const PASSING: readonly AddressValidationStatus[] = ['VerifiedShippable', 'Verified', 'NotValidated'];

/** Validates the address; any status but the passing three makes the row `invalid` (docs/contracts/csv.md §5). */
export async function checkAddress(context: RowContext): Promise<void> {
  const { record } = context;
  const address: PostalAddress = {
    addressLine1: record.address_line1,
    city: record.city,
    country: record.country,
    ...(addressLineTwo(record) ? { addressLine2: addressLineTwo(record)! } : {}),
    ...(record.state ? { state: record.state } : {}),
    ...(record.postal_code ? { postalCode: record.postal_code } : {}),
  };
  const result = await context.partnerCenter.validateAddress(address, context.call());
  if (PASSING.includes(result.status)) return;
  const first = result.suggestedAddresses[0];
  throw new RowOutcomeError('address_unverified', ROW_MESSAGES.addressUnverified(result.status, first && formatAddress(first)));
}

function formatAddress(address: PostalAddress): string {
  return [address.addressLine1, address.addressLine2, address.addressLine3, address.city, address.state, address.postalCode, address.country]
    .filter((part) => part !== undefined && part !== '')
    .join(', ');
}
