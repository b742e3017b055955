import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import { ACCOUNT_INFO_FIELDS } from '../../../shared/form/field-map.ts';

export type FieldValues = Partial<Record<CanonicalKey, string | boolean | undefined>>;

/** The Account info keys, in the order the wizard shows them. */
export const ACCOUNT_INFO_KEYS = ACCOUNT_INFO_FIELDS.map((spec) => spec.key);

/** What a person meant, field by field, in the form Partner Center receives it. */
export function meantFields(record: CustomerRecord): FieldValues {
  return {
    associated_partner_id: record.associated_partner_id,
    country: record.country,
    company_name: record.company_name,
    address_line1: record.address_line1,
    address_line2: record.address_line2,
    city: record.city,
    state: record.state,
    postal_code: record.postal_code,
    organization_registration_number: record.organization_registration_number,
    contact_first_name: record.contact_first_name,
    contact_last_name: record.contact_last_name,
    contact_email: record.contact_email,
    contact_phone: record.contact_phone,
    domain: `${record.domain}.onmicrosoft.com`,
    language: record.language,
    gdap_opt_in: record.gdap_opt_in,
    mca_accepted: record.mca !== undefined,
    mca_date: record.mca?.date,
    mca_first_name: record.mca?.first_name,
    mca_last_name: record.mca?.last_name,
    mca_email: record.mca?.email,
    mca_phone: record.mca?.phone,
  };
}

/** The agreement's contact as it reaches Partner Center (or as Submit would send it). */
export interface SubmittedAgreement {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber?: string;
  dateAgreed: string;
}

/** What Partner Center got (or would get from Submit), field by field: the customer request and the agreement. */
export function submittedFields(customer: any, agreement: SubmittedAgreement | null | undefined): FieldValues {
  const address = customer.billingProfile.defaultAddress;
  const blankToUndefined = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  return {
    associated_partner_id: blankToUndefined(customer.associatedPartnerId),
    country: address.country,
    company_name: customer.companyProfile.companyName,
    address_line1: address.addressLine1,
    address_line2: blankToUndefined(address.addressLine2),
    city: address.city,
    state: blankToUndefined(address.state),
    postal_code: blankToUndefined(address.postalCode),
    organization_registration_number: blankToUndefined(customer.companyProfile.organizationRegistrationNumber),
    contact_first_name: customer.billingProfile.firstName,
    contact_last_name: customer.billingProfile.lastName,
    contact_email: customer.billingProfile.email,
    contact_phone: blankToUndefined(address.phoneNumber),
    domain: customer.companyProfile.domain,
    language: customer.billingProfile.language,
    gdap_opt_in: customer.enableGDAPByDefault,
    mca_accepted: !!agreement,
    mca_date: agreement?.dateAgreed.slice(0, 10),
    mca_first_name: blankToUndefined(agreement?.firstName),
    mca_last_name: blankToUndefined(agreement?.lastName),
    mca_email: blankToUndefined(agreement?.email),
    mca_phone: blankToUndefined(agreement?.phoneNumber),
  };
}
