import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  confirmationRecordSchema,
  contentRequestSchema,
  type ContentRequest,
  type DetectReply,
  type FillReport,
  type PickFieldReply,
} from '../../shared/form/fill-messages.ts';
import { detectStep } from './finders/detect-step.ts';
import { fillAccountInfo } from './fill/fill-account-info.ts';
import { fillSubscriptions } from './fill/fill-subscriptions.ts';
import { FILL_TEXTS } from './fill/fill-texts.ts';
import { clearOutlines } from './fill/outline-field.ts';
import { readConfirmation } from './page/read-confirmation.ts';
import { isContextInvalidated, reloadMessage, showBanner } from './page/show-banner.ts';
import { watchInvalidation } from './page/watch-invalidation.ts';
import { pickField } from './pick/pick-field.ts';
import { loadPickedHints } from './pick/picked-hints.ts';

/**
 * The content script on Partner Center dashboard pages. It does nothing until asked, except
 * watch for the Confirmation step (to record the admin user name in the history) and tell the
 * person to reload the page when the extension was updated under it.
 */
export function startContentScript(ctx: ContentScriptContext): void {
  let running: AbortController | undefined;

  browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    const parsed = contentRequestSchema.safeParse(message);
    if (!parsed.success) return false;
    // A new fill or pick replaces the one running; a detect only looks.
    if (parsed.data.type !== 'detect') {
      running?.abort();
      running = new AbortController();
    }
    const signal = AbortSignal.any([ctx.signal, ...(running ? [running.signal] : [])]);
    handle(parsed.data, signal).then(sendResponse, (error: unknown) => {
      sendResponse({ step: null, fields: [], error: error instanceof Error ? error.message : String(error) } satisfies FillReport);
    });
    // Keeps the channel open for the asynchronous reply (Chrome's onMessage contract).
    return true;
  });

  watchConfirmation(ctx);
  watchInvalidation(ctx, document);
}

async function handle(request: ContentRequest, signal: AbortSignal): Promise<FillReport | DetectReply | PickFieldReply> {
  const detected = detectStep(document);
  switch (request.type) {
    case 'detect':
      return { step: detected?.step ?? null, pageLanguage: detected?.language ?? null };
    case 'pick-field':
      if (!detected) return { ok: false, key: request.key, reason: 'no-wizard' };
      return pickField(document, request, signal);
    case 'fill': {
      if (!detected) return { step: null, fields: [], error: FILL_TEXTS.noWizard()[request.language] };
      const started = performance.now();
      const hints = await loadPickedHints();
      clearOutlines(document);
      const options = { document, signal, pageLanguage: detected.language, uiLanguage: request.language, hints };
      let fields;
      if (detected.step === 'account-info') fields = await fillAccountInfo(request.record, options);
      else if (detected.step === 'subscriptions') fields = await fillSubscriptions(request.record, options);
      else return { step: detected.step, fields: [], error: FILL_TEXTS.stepNotFilled()[request.language] };
      return { step: detected.step, fields, durationMs: Math.round(performance.now() - started) };
    }
  }
}

const CONFIRMATION_CHECK_DELAY_MS = 250;

/** Sends the new admin user name (never the password) to the background once per Confirmation page. */
function watchConfirmation(ctx: ContentScriptContext): void {
  let lastSent = '';
  const check = (): void => {
    if (ctx.isInvalid) return;
    if (detectStep(document)?.step !== 'confirmation') return;
    const details = readConfirmation(document);
    if (!details || `${location.href}|${details.adminUserName}` === lastSent) return;
    lastSent = `${location.href}|${details.adminUserName}`;
    const record = confirmationRecordSchema.parse({ type: 'confirmation', ...details, recordedAt: new Date().toISOString(), pageUrl: location.href });
    browser.runtime.sendMessage(record).catch((error: unknown) => {
      if (isContextInvalidated(error) || ctx.isInvalid) showBanner(document, reloadMessage(document));
      else throw error;
    });
  };
  // A busy single-page app mutates constantly: look at most a few times a second.
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    ctx.setTimeout(() => {
      scheduled = false;
      check();
    }, CONFIRMATION_CHECK_DELAY_MS);
  });
  observer.observe(document, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', check);
  check();
}
