import { addressLineTwo } from '../customer/address-line-two.ts';
import type { CustomerRecord } from '../customer/customer-record.ts';
import { initialDomain, type CloudName } from './clouds.ts';
import type { PostalAddress } from './partner-center-client.ts';

/** `billingProfile.defaultAddress` of POST /v1/customers (docs/contracts/partner-center.md §4): the address plus its contact. */
interface CreateCustomerAddress extends PostalAddress {
  firstName: string;
  lastName: string;
  /** E.164. */
  phoneNumber?: string;
}

/** The body of POST /v1/customers, with the exact field names of docs/contracts/partner-center.md §4. */
export interface CreateCustomerRequest {
  companyProfile: {
    /** `<prefix>.onmicrosoft.com` (or the cloud's suffix). */
    domain: string;
    organizationRegistrationNumber?: string;
  };
  billingProfile: {
    email: string;
    culture: string;
    language: string;
    companyName: string;
    firstName: string;
    lastName: string;
    defaultAddress: CreateCustomerAddress;
  };
  /** The indirect reseller's tenant id; omitted for a direct customer. */
  associatedPartnerId?: string;
  enableGDAPByDefault: boolean;
}


/**
 * Turns a validated record into the create-customer request body. Optional fields that the record
 * lacks are left out rather than sent empty.
 *
 * @example toCreateCustomerRequest(record, 'global').companyProfile.domain // 'contoso.onmicrosoft.com'
 */
export function toCreateCustomerRequest(record: CustomerRecord, cloud: CloudName): CreateCustomerRequest {
  const defaultAddress: CreateCustomerAddress = {
    firstName: record.contact_first_name,
    lastName: record.contact_last_name,
    addressLine1: record.address_line1,
    city: record.city,
    country: record.country,
  };
  const lineTwo = addressLineTwo(record);
  if (lineTwo) defaultAddress.addressLine2 = lineTwo;
  if (record.state) defaultAddress.state = record.state;
  if (record.postal_code) defaultAddress.postalCode = record.postal_code;
  if (record.contact_phone) defaultAddress.phoneNumber = record.contact_phone;

  const request: CreateCustomerRequest = {
    companyProfile: { domain: initialDomain(record.domain, cloud) },
    billingProfile: {
      email: record.contact_email,
      culture: record.culture,
      language: record.language,
      companyName: record.company_name,
      firstName: record.contact_first_name,
      lastName: record.contact_last_name,
      defaultAddress,
    },
    enableGDAPByDefault: record.gdap_opt_in,
  };
  if (record.organization_registration_number) {
    request.companyProfile.organizationRegistrationNumber = record.organization_registration_number;
  }
  if (record.associated_partner_id) request.associatedPartnerId = record.associated_partner_id;
  return request;
}
