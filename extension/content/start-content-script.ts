import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type {
  ContentRequest,
  DetectReply,
  FillReport,
  FillReportMessage,
  PickFieldReply,
} from '../../shared/form/fill-messages.ts';
import { parseContentRequest } from '../../shared/form/message-guards.ts';
import type { CustomerRecord } from '../../shared/customer/customer-record.ts';
import type { Language } from '../../shared/i18n/localized-message.ts';
import { detectResellerRequest } from './finders/detect-reseller-request.ts';
import { createStepDetector, type DetectedStep } from './finders/detect-step.ts';
import { fillAccountInfo, type FillStepOptions } from './fill/fill-account-info.ts';
import { fillResellerRequest } from './fill/fill-reseller-request.ts';
import { fillSubscriptions } from './fill/fill-subscriptions.ts';
import { FILL_TEXTS } from './fillers/fill-texts.ts';
import { clearOutlines } from './fill/outline-field.ts';
import { createSubscriptionsMemory, fillSubscriptionsWhenListed } from './fill/subscriptions-follow-up.ts';
import { createConfirmationReporter } from './page/report-confirmation.ts';
import { isContextInvalidated, reloadMessage, showBanner } from './page/show-banner.ts';
import { watchInvalidation } from './page/watch-invalidation.ts';
import { watchSteps } from './page/watch-steps.ts';
import { pickField } from './pick/pick-field.ts';
import { loadPickedHints } from './pick/picked-hints.ts';

/** One detector for the page's life: the watcher and the side panel's requests share what it saw last. */
const detectStep = createStepDetector();

/**
 * The content script on Partner Center dashboard pages. It does nothing until asked, except
 * follow the wizard's steps: fill Subscriptions when the person moves on to it after an Account
 * info fill from the side panel, record the admin user name from the Confirmation step in the
 * history (or say it could not read it), and tell the person to reload the page when the
 * extension was updated under it.
 */
export function startContentScript(ctx: ContentScriptContext): void {
  let running: AbortController | undefined;
  const subscriptions = createSubscriptionsMemory();

  /** A new fill or pick replaces the one running. */
  const startRun = (): AbortSignal => {
    running?.abort();
    running = new AbortController();
    return AbortSignal.any([ctx.signal, running.signal]);
  };

  const sendToExtension = (message: unknown): void => {
    browser.runtime.sendMessage(message).catch((error: unknown) => {
      if (isContextInvalidated(error) || ctx.isInvalid) showBanner(document, reloadMessage(document));
      else throw error;
    });
  };

  browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    // Checked by hand, not with zod: this script is injected into every dashboard page (message-guards.ts).
    const request = parseContentRequest(message);
    if (!request) return false;
    const signal = request.type === 'detect' ? ctx.signal : startRun();
    if (request.type === 'fill') subscriptions.fillStarted();
    handle(request, signal).then(
      (reply) => {
        // A fill replaced by a newer one before it ended is not followed to Subscriptions.
        if (request.type === 'fill' && !signal.aborted && 'fields' in reply && reply.step === 'account-info') subscriptions.accountInfoFilled(request.record, request.language);
        sendResponse(reply);
      },
      (error: unknown) => {
        sendResponse({ step: null, fields: [], error: error instanceof Error ? error.message : String(error) } satisfies FillReport);
      },
    );
    // Keeps the channel open for the asynchronous reply (Chrome's onMessage contract).
    return true;
  });

  const reportConfirmation = createConfirmationReporter(sendToExtension);
  watchSteps(ctx, () => detectStep(document), (detected) => {
    const follow = subscriptions.takeFor(detected?.step);
    if (follow && detected) void followToSubscriptions(follow.record, detected, follow.uiLanguage, startRun()).then((report) => report && sendToExtension(report));
    if (detected?.step === 'confirmation') reportConfirmation(document);
  });
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
      const started = performance.now();
      if (!detected) {
        // Not the wizard: perhaps the page a person opens instead, for a customer that already has a tenant.
        const resellerRequest = detectResellerRequest(document);
        if (!resellerRequest) return { step: null, fields: [], error: FILL_TEXTS.noWizard()[request.language] };
        const fields = await fillResellerRequest(request.record, await stepOptions(resellerRequest, request.language, signal));
        return { step: 'reseller-relationship', fields, durationMs: Math.round(performance.now() - started) };
      }
      const options = { ...(await stepOptions(detected, request.language, signal)), cloud: request.cloud };
      let fields;
      if (detected.step === 'account-info') fields = await fillAccountInfo(request.record, options);
      else if (detected.step === 'subscriptions') fields = await fillSubscriptions(request.record, options);
      else return { step: detected.step, fields: [], error: FILL_TEXTS.stepNotFilled()[request.language] };
      return { step: detected.step, fields, durationMs: Math.round(performance.now() - started) };
    }
  }
}

/** The Subscriptions fill nobody clicked for: once the catalog shows, reported to the side panel as a runtime message. */
async function followToSubscriptions(
  record: CustomerRecord,
  detected: DetectedStep,
  uiLanguage: Language,
  signal: AbortSignal,
): Promise<FillReportMessage | null> {
  const report = await fillSubscriptionsWhenListed(record, await stepOptions(detected, uiLanguage, signal));
  return report && { type: 'fill-report', report };
}

async function stepOptions(detected: Pick<DetectedStep, 'language'>, uiLanguage: Language, signal: AbortSignal): Promise<FillStepOptions> {
  const hints = await loadPickedHints();
  clearOutlines(document);
  return { document, signal, pageLanguage: detected.language, uiLanguage, hints };
}
