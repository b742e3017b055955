import { parseLocaleDate, state } from './store.ts';
import { SWITCHES } from './page-switches.ts';

/** What Submit sends to Partner Center: the customer, the agreement attestation (or null), the offers ticked. */
export interface PendingSubmission {
  customer: Record<string, any>;
  agreement: { firstName: string; lastName: string; email: string; phoneNumber?: string; dateAgreed: string } | null;
  offers: { id: string; quantity: number }[];
}

/** Built from the page's state alone, exactly as Submit builds its requests. */
export function pendingSubmission(): PendingSubmission {
  const v = state.values;
  const culture = `${v.language || 'en'}-${v.country}`;
  const customer = {
    enableGDAPByDefault: state.gdap,
    ...(v.reseller ? { associatedPartnerId: v.reseller } : {}),
    companyProfile: { domain: `${v.domain.trim().toLowerCase()}${SWITCHES.domainSuffix}`, companyName: v.companyName, ...(v.registration ? { organizationRegistrationNumber: v.registration } : {}) },
    billingProfile: {
      culture,
      email: v.email,
      language: v.language || 'en',
      companyName: v.companyName,
      firstName: v.firstName,
      lastName: v.lastName,
      defaultAddress: {
        firstName: v.firstName,
        lastName: v.lastName,
        addressLine1: v.addressLine1,
        ...(v.addressLine2 ? { addressLine2: v.addressLine2 } : {}),
        city: v.city,
        ...(v.state ? { state: v.state } : {}),
        ...(v.postal ? { postalCode: v.postal } : {}),
        country: v.country,
        ...(v.phone ? { phoneNumber: v.phone } : {}),
      },
    },
  };
  const agreement = state.mca
    ? {
        firstName: v.mcaFirstName,
        lastName: v.mcaLastName,
        email: v.mcaEmail,
        ...(v.mcaPhone ? { phoneNumber: v.mcaPhone } : {}),
        dateAgreed: `${parseLocaleDate(v.mcaDate)}T00:00:00Z`,
      }
    : null;
  const offers = [...state.selected].map(([id, quantity]) => ({ id, quantity: Number(quantity) }));
  return { customer, agreement, offers };
}
