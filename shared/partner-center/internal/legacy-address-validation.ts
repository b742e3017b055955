import type { AddressValidationResult, PostalAddress } from '../partner-center-client.ts';
import type { PartnerCenterError } from '../partner-center-error.ts';

/** The legacy refusal of POST /v1/validations/address (docs/contracts/partner-center.md §5): 400 with code 2007. */
export const LEGACY_ADDRESS_INVALID = '2007';

/** The legacy success (before mid-2021): 200 with an empty body means the address is valid. */
export function legacyAddressValid(): AddressValidationResult {
  return { status: 'Verified', suggestedAddresses: [] };
}

/**
 * Reads the legacy refusal `{"code":2007,"description":"<JSON with code 60071, reason, corrected_address>"}`
 * as a current result: with a corrected address it is a suggestion (`StreetPartial`), without one
 * the address is wrong (`None`). The description is JSON inside a string; a shape we do not know
 * still yields `None` with the description as the message.
 */
export function fromLegacyAddressRefusal(error: PartnerCenterError, original: PostalAddress): AddressValidationResult {
  const details = parseObject(error.pcMessage);
  const corrected = details && parseObject(details.corrected_address ?? details.correctedAddress);
  const reason = details && findReason(details);
  const validationMessage = reason ?? (details ? undefined : error.pcMessage);
  const suggestion = corrected && toPostalAddress(corrected, original);
  return {
    status: suggestion ? 'StreetPartial' : 'None',
    suggestedAddresses: suggestion ? [suggestion] : [],
    ...(validationMessage ? { validationMessage } : {}),
  };
}

function parseObject(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  if (typeof value !== 'string') return undefined;
  try {
    return parseObject(JSON.parse(value));
  } catch {
    return undefined;
  }
}

/** The first `reason` (e.g. ZipCityInvalid) at the top or in an `errors`/`details` list. */
function findReason(details: Record<string, unknown>): string | undefined {
  if (typeof details.reason === 'string') return details.reason;
  for (const list of [details.errors, details.details]) {
    if (!Array.isArray(list)) continue;
    const reasons = list.map((item) => parseObject(item)?.reason).filter((item): item is string => typeof item === 'string');
    if (reasons.length > 0) return reasons.join(', ');
  }
  return typeof details.message === 'string' ? details.message : undefined;
}

/** Legacy field names (`line1`, `region`, `postal_code`) or current ones; missing parts kept from the original. */
function toPostalAddress(corrected: Record<string, unknown>, original: PostalAddress): PostalAddress | undefined {
  const text = (...keys: string[]) => keys.map((key) => corrected[key]).find((item): item is string => typeof item === 'string' && item !== '');
  const addressLine1 = text('line1', 'addressLine1', 'address_line1');
  const addressLine2 = text('line2', 'addressLine2', 'address_line2');
  const city = text('city');
  const state = text('region', 'state');
  const postalCode = text('postal_code', 'postalCode');
  const country = text('country');
  if (!addressLine1 && !city && !state && !postalCode) return undefined;
  return {
    addressLine1: addressLine1 ?? original.addressLine1,
    ...(addressLine2 ?? original.addressLine2 ? { addressLine2: (addressLine2 ?? original.addressLine2)! } : {}),
    city: city ?? original.city,
    ...(state ?? original.state ? { state: (state ?? original.state)! } : {}),
    ...(postalCode ?? original.postalCode ? { postalCode: (postalCode ?? original.postalCode)! } : {}),
    country: (country ?? original.country).toUpperCase(),
  };
}
