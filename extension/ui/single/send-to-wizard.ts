import { browser } from 'wxt/browser';
import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import type { FillReport, FillRequest, PickFieldReply, PickFieldRequest } from '../../../shared/form/fill-messages.ts';
import type { LiveCloudName } from '../../../shared/partner-center/clouds.ts';
import { findPartnerCenterTab } from '../partner-center-tabs.ts';

/**
 * The schemas replies are checked with, loaded with the first reply: they bring zod (~8 KB gzip),
 * which the side panel need not load before anything is sent to the wizard.
 */
export function loadMessageSchemas() {
  return import('../../../shared/form/fill-messages.ts');
}

/** Why a message could not reach the wizard: no dashboard tab, or a tab without a live content script. */
export type WizardUnreachable = { ok: false; reason: 'no-tab' | 'reload-page' };

async function sendToWizard(message: FillRequest | PickFieldRequest): Promise<{ ok: true; reply: unknown } | WizardUnreachable> {
  const tab = await findPartnerCenterTab();
  if (tab?.id === undefined) return { ok: false, reason: 'no-tab' };
  try {
    const reply: unknown = await browser.tabs.sendMessage(tab.id, message);
    // No reply means no listener: the page was open before the extension was (re)loaded.
    if (reply === undefined) return { ok: false, reason: 'reload-page' };
    return { ok: true, reply };
  } catch {
    // "Receiving end does not exist": the content script is gone after an extension reload.
    return { ok: false, reason: 'reload-page' };
  }
}

/** Sends `fill` to the Partner Center tab (with the cloud chosen in Options) and returns its per-field report. */
export async function fillWizard(record: CustomerRecord, language: Language, cloud: LiveCloudName): Promise<{ ok: true; report: FillReport } | WizardUnreachable> {
  const sent = await sendToWizard({ type: 'fill', record, language, cloud });
  if (!sent.ok) return sent;
  const { fillReportSchema } = await loadMessageSchemas();
  const report = fillReportSchema.safeParse(sent.reply);
  return report.success ? { ok: true, report: report.data } : { ok: false, reason: 'reload-page' };
}

/** Asks the page to let the person click the field that was not found. */
export async function pickFieldOnPage(request: Omit<PickFieldRequest, 'type'>): Promise<{ ok: true; reply: PickFieldReply } | WizardUnreachable> {
  const sent = await sendToWizard({ type: 'pick-field', ...request });
  if (!sent.ok) return sent;
  const { pickFieldReplySchema } = await loadMessageSchemas();
  const reply = pickFieldReplySchema.safeParse(sent.reply);
  return reply.success ? { ok: true, reply: reply.data } : { ok: false, reason: 'reload-page' };
}
