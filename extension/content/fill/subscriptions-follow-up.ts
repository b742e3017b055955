import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import type { WizardStep } from '../../../shared/form/field-map.ts';
import type { FillReport } from '../../../shared/form/fill-messages.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import { CHECKBOX_SELECTOR } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { waitFor } from '../dom/wait-for.ts';
import { queryDeep } from '../dom/walk-deep.ts';
import type { FillStepOptions } from './fill-account-info.ts';
import { fillSubscriptions } from './fill-subscriptions.ts';

/** How long after an Account info fill the Subscriptions step is still filled without a second click. */
export const FOLLOW_UP_WINDOW_MS = 10 * 60_000;
/** The catalog list comes from the server; past this the offers are looked for anyway (and reported not found). */
const CATALOG_TIMEOUT_MS = 20_000;

/**
 * The record of an Account info fill started from the side panel, waiting for the person to move on
 * to Subscriptions. Kept in the content script's memory only; a record never holds a password.
 */
interface PendingSubscriptions {
  record: CustomerRecord;
  uiLanguage: Language;
}

export interface SubscriptionsMemory {
  /** Any fill from the side panel forgets the older record (the person moved to another customer or step). */
  fillStarted(): void;
  /** After an Account info fill: remembers its record when it orders offers. */
  accountInfoFilled(record: CustomerRecord, uiLanguage: Language): void;
  /** When a step shows: the record to fill now — once, and only on Subscriptions within the window. */
  takeFor(step: WizardStep | undefined): PendingSubscriptions | undefined;
}

export function createSubscriptionsMemory(now: () => number = Date.now): SubscriptionsMemory {
  let pending: (PendingSubscriptions & { expiresAt: number }) | undefined;
  return {
    fillStarted: () => {
      pending = undefined;
    },
    accountInfoFilled: (record, uiLanguage) => {
      pending = record.offers.length > 0 ? { record, uiLanguage, expiresAt: now() + FOLLOW_UP_WINDOW_MS } : undefined;
    },
    takeFor: (step) => {
      if (step !== 'subscriptions' || !pending) return undefined;
      const { record, uiLanguage, expiresAt } = pending;
      pending = undefined;
      return now() <= expiresAt ? { record, uiLanguage } : undefined;
    },
  };
}

/**
 * Fills the Subscriptions step as soon as its catalog list shows (a visible row checkbox, nothing
 * `aria-busy`), and reports as a `fill` from the side panel would. Null when aborted.
 */
export async function fillSubscriptionsWhenListed(record: CustomerRecord, options: FillStepOptions): Promise<FillReport | null> {
  const { document, signal } = options;
  const listed = (): true | null =>
    queryDeep(document, '[aria-busy=true]').length === 0 && queryDeep(document, CHECKBOX_SELECTOR).some(isVisible) ? true : null;
  const waited = await waitFor(listed, { signal, timeoutMs: CATALOG_TIMEOUT_MS, root: document });
  if (!waited.ok && waited.reason === 'aborted') return null;
  const started = performance.now();
  const fields = await fillSubscriptions(record, options);
  if (signal.aborted) return null;
  return { step: 'subscriptions', fields, durationMs: Math.round(performance.now() - started) };
}
