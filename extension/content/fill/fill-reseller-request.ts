import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import { ACCOUNT_INFO_FIELDS } from '../../../shared/form/field-map.ts';
import type { FieldReport } from '../../../shared/form/fill-messages.ts';
import { matchesLabel } from '../../../shared/form/normalize-label.ts';
import { CONTROL_SELECTOR, fieldNames } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { waitForQuiet } from '../dom/wait-for.ts';
import { queryDeep } from '../dom/walk-deep.ts';
import { FILL_TEXTS } from '../fillers/fill-texts.ts';
import { fillNativeSelect } from '../fillers/native-select.ts';
import { INVITATION_LINK, invitationTexts } from '../finders/detect-reseller-request.ts';
import type { FillStepOptions } from './fill-account-info.ts';
import { outlineField } from './outline-field.ts';

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const SETTLE_QUIET_MS = 50;
const SETTLE_MAX_MS = 1500;
const RESELLER = ACCOUNT_INFO_FIELDS.find((spec) => spec.key === 'associated_partner_id')!;

/** The tenant ids a text shows, lower-case. */
function tenantIdsIn(text: string): string[] {
  return [...text.matchAll(GUID)].map((match) => match[0].toLowerCase());
}

/**
 * Fills the reseller relationship request page (docs/wizard-filling.md): the record names its
 * indirect reseller by tenant id only (`associated_partner_id`, what Partner Center's API takes), so
 * the reseller is chosen only from an entry that shows that tenant id. A list naming resellers by
 * company name or Partner ID alone cannot be matched to it: the person chooses (`to-check`), the
 * extension never guesses. The choice is read back from the invitation link, which names the
 * reseller's tenant (`indirectCSPId`), else from the list. Only a native list is read; a dropdown's
 * entries are left to a person. Nothing is sent: a person copies the invitation.
 */
export async function fillResellerRequest(record: CustomerRecord, options: FillStepOptions): Promise<FieldReport[]> {
  const { document, signal, pageLanguage, uiLanguage } = options;
  const report: FieldReport = { key: 'associated_partner_id', label: RESELLER.labels[pageLanguage][0]!, status: 'filled' };
  const tenantId = record.associated_partner_id?.toLowerCase();
  if (!tenantId) return [{ ...report, status: 'skipped' }];
  const labels = [...RESELLER.labels.en, ...RESELLER.labels.ja];
  const control = queryDeep(document, CONTROL_SELECTOR).find((element) => isVisible(element) && fieldNames(element).some((name) => matchesLabel(name, labels)));
  const verdict = (status: FieldReport['status'], message: string): FieldReport[] => {
    if (control && status !== 'filled') outlineField(control, status);
    return [{ ...report, status, message }];
  };
  if (!control) return [{ ...report, status: 'not-found' }];
  // Only a native list shows its entries without being opened: a dropdown's are not read, so nothing is said of them.
  if (!control.matches('select')) return verdict('to-check', FILL_TEXTS.resellerListUnread(tenantId)[uiLanguage]);
  const select = control as HTMLSelectElement;
  const entries = [...select.options].map((option) => ({ option, ids: tenantIdsIn(option.text) }));
  const entry = entries.find(({ ids }) => ids.includes(tenantId));
  if (!entry) {
    const byTenant = entries.some(({ ids }) => ids.length > 0);
    return byTenant ? verdict('not-found', FILL_TEXTS.resellerNotListed(tenantId)[uiLanguage]) : verdict('to-check', FILL_TEXTS.resellerNotShownByTenant(tenantId)[uiLanguage]);
  }
  const text = entry.option.text;
  await fillNativeSelect(select, { type: 'text', text, matches: [text] }, { signal });
  await waitForQuiet({ signal, quietMs: SETTLE_QUIET_MS, maxMs: SETTLE_MAX_MS, root: document });
  const chosen = tenantIdsIn(select.selectedOptions[0]?.text ?? '');
  if (!chosen.includes(tenantId)) return verdict('to-check', FILL_TEXTS.pageShowsOther(select.selectedOptions[0]?.text ?? '', tenantId)[uiLanguage]);
  const invited = invitedTenant(document);
  if (invited !== undefined && invited !== tenantId) return verdict('to-check', FILL_TEXTS.invitationNamesOther(invited ?? '', tenantId)[uiLanguage]);
  return [{ ...report, message: entry.option.text }];
}

/** The reseller tenant the invitation on the page names (`indirectCSPId`), null when it names none, undefined without an invitation. */
function invitedTenant(document: Document): string | null | undefined {
  const link = invitationTexts(document).map((text) => INVITATION_LINK.exec(text)?.[0]).find((found) => found !== undefined);
  if (link === undefined) return undefined;
  const named = /[?&]indirectCSPId=([0-9a-f-]{36})/i.exec(link);
  return named ? named[1]!.toLowerCase() : null;
}
