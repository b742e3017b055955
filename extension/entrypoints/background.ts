import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { confirmationRecordSchema } from '../../shared/form/fill-messages.ts';
import { recordConfirmedCustomer } from '../ui/state/confirmed-customers.ts';

export default defineBackground(() => {
  // The toolbar button opens the popup, whose button opens the panel; Firefox has no sidePanel API.
  try {
    browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false })?.catch(() => {});
  } catch {
    // Not every browser (or test double) implements it; the popup still opens the panel.
  }

  browser.runtime.onMessage.addListener((message: unknown) => {
    // The content script sends `confirmation` from the wizard's last page; its schema is strict, so a password field can't slip in.
    const confirmation = confirmationRecordSchema.safeParse(message);
    if (!confirmation.success) return undefined;
    return recordConfirmedCustomer(confirmation.data).then(() => ({ ok: true }));
  });
});
