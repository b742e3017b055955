/**
 * The canonical column keys of the bulk CSV (docs/contracts/csv.md §3), in the order the contract lists them.
 * A customer record, a row problem's `field` and the extension's field map all speak in these keys.
 */
export const CANONICAL_KEYS = [
  'company_name',
  'domain',
  'country',
  'address_line1',
  'address_line2',
  'address_line3',
  'city',
  'state',
  'postal_code',
  'contact_first_name',
  'contact_last_name',
  'contact_email',
  'contact_phone',
  'culture',
  'language',
  'organization_registration_number',
  'associated_partner_id',
  'offers',
  'term',
  'billing_cycle',
  'gdap_opt_in',
  'mca_accepted',
  'mca_date',
  'mca_first_name',
  'mca_last_name',
  'mca_email',
  'mca_phone',
] as const;

export type CanonicalKey = (typeof CANONICAL_KEYS)[number];

/** The column a row's error points at: a customer-file key, or one of the orders file's own (docs/contracts/csv.md §6). */
export type ErrorField = CanonicalKey | 'customer' | 'subscription_id';

/** Columns without which the whole file is refused (docs/contracts/csv.md §3, "required: yes"). */
export const REQUIRED_COLUMNS: readonly CanonicalKey[] = [
  'company_name',
  'domain',
  'country',
  'address_line1',
  'city',
  'contact_first_name',
  'contact_last_name',
  'contact_email',
];
