import type { ErrorCode } from '../errors/error-codes.ts';
import type { LocalizedMessage } from '../i18n/localized-message.ts';
import type { CanonicalKey } from './canonical-keys.ts';

/** One item of the `offers` column: a new-commerce catalog item id or a legacy offer GUID, upper-case. */
export interface OfferItem {
  id: string;
  quantity: number;
}

/** The Microsoft Customer Agreement attestation of a row (only when mca_accepted is true). */
interface AgreementAttestation {
  /** `YYYY-MM-DD`, never later than today in UTC+14. */
  date: string;
  first_name: string;
  last_name: string;
  email: string;
  /** E.164. */
  phone?: string;
}

/**
 * A customer record after validation and normalisation (docs/contracts/csv.md §4): the output of the shared
 * zod schema, keyed by canonical keys so that a problem's `field` is the column to fix.
 */
export interface CustomerRecord {
  company_name: string;
  /** The initial-domain prefix, lower-case (`contoso`, not `contoso.onmicrosoft.com`). */
  domain: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  address_line1: string;
  address_line2?: string;
  address_line3?: string;
  city: string;
  /** The value Partner Center expects: the code for US/CA/AU/MX/BR/IN, the Japanese name for JP. */
  state?: string;
  postal_code?: string;
  contact_first_name: string;
  contact_last_name: string;
  contact_email: string;
  /** E.164. */
  contact_phone?: string;
  /** BCP 47, defaulted from the country. */
  culture: string;
  /** ISO 639-1, defaulted from the culture. */
  language: string;
  organization_registration_number?: string;
  /** The indirect reseller's tenant id (GUID), lower-case. */
  associated_partner_id?: string;
  offers: OfferItem[];
  term: 'P1M' | 'P1Y' | 'P3Y';
  billing_cycle: 'monthly' | 'annual';
  gdap_opt_in: boolean;
  /** Present only when mca_accepted was true. */
  mca?: AgreementAttestation;
}

/** A problem with one row: a stable code, the column to fix (if one), and a sentence in EN and JA. */
export interface RowProblem {
  code: ErrorCode;
  field?: CanonicalKey;
  message: LocalizedMessage;
}
