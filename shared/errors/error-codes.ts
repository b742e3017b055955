import type { RowStatus } from '../status/row-status.ts';

/**
 * Every stable `pc_error_code` pc-onboard writes, documented in one place (docs/contracts/csv.md §5).
 * `status` is the row status the code leads to; `description` is for docs and `--help` output.
 * Add a code here before using it anywhere: a meta-test checks that every code used is listed.
 */
export const ERROR_CODES = {
  // Local validation: the row's data must be fixed.
  required: { status: 'invalid', description: 'A required value is empty.' },
  too_long: { status: 'invalid', description: 'A value is longer than Partner Center accepts.' },
  invalid_domain: { status: 'invalid', description: 'The domain is not an onmicrosoft.com prefix of letters and digits.' },
  invalid_country: { status: 'invalid', description: 'The country is not a known ISO code or country name.' },
  invalid_state: { status: 'invalid', description: "The state is not one of the country's states." },
  invalid_postal_code: { status: 'invalid', description: "The postal code does not match the country's format." },
  invalid_email: { status: 'invalid', description: 'The email address is not a plain local@domain.tld address.' },
  invalid_phone: { status: 'invalid', description: 'The phone number is not a valid number for the country.' },
  invalid_culture: { status: 'invalid', description: 'The culture is not a BCP 47 tag such as ja-JP.' },
  invalid_language: { status: 'invalid', description: 'The language is not an ISO 639-1 code or language name.' },
  invalid_registration_number: { status: 'invalid', description: 'The organization registration number has the wrong format.' },
  invalid_partner_id: { status: 'invalid', description: 'The indirect reseller id is not a tenant id (GUID).' },
  invalid_offers: { status: 'invalid', description: 'The offers list is malformed, repeats an id, or names an offer not in the catalog.' },
  invalid_customer: { status: 'invalid', description: "The customer of an orders row is not a tenant id (GUID) or an initial domain, or is not one of the partner's customers." },
  invalid_subscription_id: { status: 'invalid', description: 'The subscription id of an orders row is not a GUID.' },
  invalid_term: { status: 'invalid', description: 'The term is not P1M, P1Y or P3Y.' },
  invalid_billing_cycle: { status: 'invalid', description: 'The billing cycle is not monthly or annual, or does not fit the term.' },
  invalid_boolean: { status: 'invalid', description: 'A yes/no value is not one of true/false, yes/no, y/n, 1/0, はい/いいえ.' },
  invalid_date: { status: 'invalid', description: 'The date is not YYYY-MM-DD, or is in the future.' },
  extra_cells: { status: 'invalid', description: 'The row has non-empty cells beyond the header.' },
  lost_character: { status: 'invalid', description: 'A free-text cell of a CP932 or Windows-1252 file has a "?" where Excel lost a character; save as CSV UTF-8.' },
  mca_required: { status: 'invalid', description: 'A global-cloud row with offers needs the Microsoft Customer Agreement attestation (mca_accepted true).' },
  unbalanced_quotes: { status: 'invalid', description: 'A quoted cell of the row has a stray or missing quote, so its cells cannot be trusted.' },
  address_unverified: { status: 'invalid', description: 'Partner Center could not verify the address.' },
  // Row outcomes that are not errors of the data.
  duplicate_domain: { status: 'skipped', description: 'An earlier valid row of the file has the same domain.' },
  cancelled: { status: 'skipped', description: 'The import was cancelled before this row ran.' },
  applied_before: { status: 'skipped', description: 'An earlier import of the same orders file applied this row already (import again with --again to apply it once more).' },
  domain_taken: { status: 'exists', description: 'The domain already belongs to a tenant.' },
  // Service failures: retrying later may succeed.
  rate_limited: { status: 'failed', description: 'Partner Center kept throttling beyond the retry budget.' },
  upstream_error: { status: 'failed', description: 'Partner Center answered with a server error or did not answer.' },
  timeout: { status: 'failed', description: 'Partner Center did not answer in time.' },
  unauthorized: { status: 'failed', description: 'Partner Center refused the credentials (401).' },
  forbidden: { status: 'failed', description: 'Partner Center refused the operation for this partner or token (403).' },
  mca_not_supported: { status: 'failed', description: 'The Microsoft Customer Agreement attestation exists in the global cloud only.' },
  agreement_rejected: { status: 'failed', description: 'Partner Center refused the agreement attestation.' },
  order_rejected: { status: 'failed', description: 'Partner Center refused an order for the customer.' },
  subscription_changed: { status: 'failed', description: 'The subscription changed between reading it and raising its quantity (412 on a stale etag).' },
  answer_lost: { status: 'failed', description: 'A write (agreement, checkout, order) lost its answer and reading back whether it happened failed or could not tell; check Partner Center, then retry the row.' },
  request_rejected: { status: 'failed', description: 'Partner Center refused the request for a reason not listed here.' },
  response_invalid: { status: 'failed', description: 'Partner Center answered with a body that does not match the contract.' },
  cloud_retired: { status: 'failed', description: 'The chosen cloud is closed (Microsoft Cloud Germany).' },
  internal_error: { status: 'failed', description: 'pc-onboard itself failed on this row; the log has details.' },
} as const satisfies Record<string, { status: RowStatus; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}
