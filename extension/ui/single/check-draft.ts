import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import type { CustomerRecord, RowProblem } from '../../../shared/customer/customer-record.ts';
import { validateCustomer, type ValidateCustomerOptions } from '../../../shared/customer/validate-customer.ts';
import { ANY_CLOUD_INITIAL_DOMAINS } from '../../../shared/partner-center/initial-domain-rules.ts';
import { CLOUDS, type LiveCloudName } from '../../../shared/partner-center/clouds.ts';
import { validateDraft } from '../../../shared/customer/validate-draft.ts';
import type { CustomerDraft } from '../state/customer-draft.ts';
import { offerResolutionMessage, resolveOfferIds } from './resolve-offer-ids.ts';

export type DraftProblems = Partial<Record<CanonicalKey, RowProblem>>;

/** What the draft is checked against: the time (for the agreement date) and the cloud chosen in Options. */
export interface DraftContext {
  now?: Date;
  /** @default 'global' */
  cloud?: LiveCloudName;
}

/**
 * The rules of the chosen cloud: a customer with offers needs the agreement attestation only where
 * it exists (the global cloud). The domain of any cloud is accepted: the page, not the setting, has
 * the last word on its cloud (its domain suffix), and only the prefix is filled into the wizard.
 */
function draftRules({ now, cloud = 'global' }: DraftContext): ValidateCustomerOptions {
  return { now, initialDomains: ANY_CLOUD_INITIAL_DOMAINS, mcaRequired: CLOUDS[cloud].mcaSupported };
}

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
export function findDraftProblems(draft: CustomerDraft, context: DraftContext = {}): DraftProblems {
  const { draft: checked, offersProblem } = resolveDraft(draft);
  const problems = validateDraft(checked, draftRules(context));
  return offersProblem ? { ...problems, offers: offersProblem } : problems;
}

/** The validated record to fill, or the problems that stop it. */
export function toCustomerRecord(
  draft: CustomerDraft,
  context: DraftContext = {},
): { ok: true; record: CustomerRecord } | { ok: false; problems: RowProblem[] } {
  const { draft: checked, offersProblem } = resolveDraft(draft);
  const result = validateCustomer(checked, draftRules(context));
  if (!offersProblem) return result;
  return { ok: false, problems: [...(result.ok ? [] : result.problems.filter((problem) => problem.field !== 'offers')), offersProblem] };
}
