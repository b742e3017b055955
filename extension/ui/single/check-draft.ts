import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import type { CustomerRecord, RowProblem } from '../../../shared/customer/customer-record.ts';
import { validateCustomer } from '../../../shared/customer/validate-customer.ts';
import { validateDraft } from '../../../shared/customer/validate-draft.ts';
import type { CustomerDraft } from '../state/customer-draft.ts';

export type DraftProblems = Partial<Record<CanonicalKey, RowProblem>>;

/** Every problem of the draft by field, from the shared schema (the same rules as the bulk import). */
export function findDraftProblems(draft: CustomerDraft, now?: Date): DraftProblems {
  return validateDraft(draft, { now });
}

/** The validated record to fill, or the problems that stop it. */
export function toCustomerRecord(
  draft: CustomerDraft,
  now?: Date,
): { ok: true; record: CustomerRecord } | { ok: false; problems: RowProblem[] } {
  return validateCustomer(draft, { now });
}
