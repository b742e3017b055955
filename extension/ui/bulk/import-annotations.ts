import type { ImportSummary } from '../../../shared/imports/import-types.ts';
import type { LocalizedMessage } from '../../../shared/i18n/localized-message.ts';
import { t, uiLanguage } from '../i18n/translate.ts';

/**
 * Fields a newer worker may add to an import's summary, read defensively so the panel works with
 * an older worker too: who queued it, and why it is paused (`paused: { reason: 'sign_in_required',
 * en, ja }` when the Partner Center sign-in expired: rows wait, none fail, and the import resumes
 * after `pc-onboard login`). Any other shape (a bare reason string, `state: 'paused'`) still shows.
 */
interface SummaryExtras {
  queuedBy?: unknown;
  paused?: unknown;
  pausedReason?: unknown;
  state?: unknown;
}

/** The name of the API token (or CLI user) that queued the import, when the worker says. */
export function queuedBy(summary: ImportSummary | undefined): string | undefined {
  const value = (summary as SummaryExtras | undefined)?.queuedBy;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Why a paused import waits, in the UI language; undefined when it is not paused. */
export function pauseMessage(summary: ImportSummary | undefined): string | undefined {
  const extras = summary as SummaryExtras | undefined;
  if (!extras) return undefined;
  const raw = extras.paused ?? extras.pausedReason ?? (extras.state === 'paused' ? true : undefined);
  if (raw === undefined || raw === null || raw === false) return undefined;
  const reason = typeof raw === 'string' ? raw : typeof raw === 'object' ? (raw as { reason?: unknown }).reason : undefined;
  // The worker's own sentence first: on the pause itself, or under `message`.
  const message = typeof raw === 'object' ? (isLocalized(raw) ? raw : (raw as { message?: unknown }).message) : undefined;
  if (isLocalized(message)) return message[uiLanguage.value];
  if (typeof reason === 'string' && /^sign[-_ ]?in|login|auth/i.test(reason)) return t('importPausedSignIn');
  return typeof reason === 'string' && reason !== '' ? t('importPausedReason', reason) : t('importPaused');
}

function isLocalized(value: unknown): value is LocalizedMessage {
  return typeof value === 'object' && value !== null && typeof (value as LocalizedMessage).en === 'string' && typeof (value as LocalizedMessage).ja === 'string';
}
