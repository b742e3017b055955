import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import type { CustomerRecord, RowProblem } from '../../../shared/customer/customer-record.ts';
import { validateCustomer, type ValidateCustomerOptions } from '../../../shared/customer/validate-customer.ts';
import { ANY_CLOUD_INITIAL_DOMAINS } from '../../../shared/partner-center/initial-domain-rules.ts';
import { validateDraft } from '../../../shared/customer/validate-draft.ts';
import type { CustomerDraft } from '../state/customer-draft.ts';
import { offerResolutionMessage, resolveOfferIds } from './resolve-offer-ids.ts';

export type DraftProblems = Partial<Record<CanonicalKey, RowProblem>>;

/**
 * The side panel does not know which cloud's dashboard it fills (the settings hold no cloud, and
 * the global and US Government dashboards share one host), so a domain of any cloud is accepted
 * here and only its prefix is filled into the wizard.
 */
const DRAFT_RULES: Pick<ValidateCustomerOptions, 'initialDomains'> = { initialDomains: ANY_CLOUD_INITIAL_DOMAINS };

/**
 * The draft as it is checked: offers copied from the wizard as `PRODUCT:SKU` become full catalog
 * item ids, and a short id that is ambiguous or unknown is the offers field's problem.
 */
function resolveDraft(draft: CustomerDraft): { draft: CustomerDraft; offersProblem: RowProblem | undefined } {
  if (!draft.offers) return { draft, offersProblem: undefined };
  const resolved = resolveOfferIds(draft.offers);
  const message = offerResolutionMessage(resolved);
  return {
    draft: { ...draft, offers: resolved.text },
    offersProblem: message ? { code: 'invalid_offers', field: 'offers', message } : undefined,
  };
}

/** Every problem of the draft by field, from the shared schema (the same rules as the bulk import). */
export function findDraftProblems(draft: CustomerDraft, now?: Date): DraftProblems {
  const { draft: checked, offersProblem } = resolveDraft(draft);
  const problems = validateDraft(checked, { now, ...DRAFT_RULES });
  return offersProblem ? { ...problems, offers: offersProblem } : problems;
}

/** The validated record to fill, or the problems that stop it. */
export function toCustomerRecord(
  draft: CustomerDraft,
  now?: Date,
): { ok: true; record: CustomerRecord } | { ok: false; problems: RowProblem[] } {
  const { draft: checked, offersProblem } = resolveDraft(draft);
  const result = validateCustomer(checked, { now, ...DRAFT_RULES });
  if (!offersProblem) return result;
  return { ok: false, problems: [...(result.ok ? [] : result.problems.filter((problem) => problem.field !== 'offers')), offersProblem] };
}
