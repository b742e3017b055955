import type { Worker } from 'playwright-core';
import type { FillReport } from '../../../shared/form/fill-messages.ts';

// The extension APIs, inside serviceWorker.evaluate() callbacks.
declare const chrome: any;

/**
 * Collects, in the service worker, the fill reports the content script sends on its own (the
 * Subscriptions fill that follows an Account info fill), keyed by the sending tab's URL.
 */
export async function collectFillReports(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => {
    const scope = globalThis as any;
    if (scope.collectedFillReports) return;
    scope.collectedFillReports = [];
    chrome.runtime.onMessage.addListener((message: any, sender: any) => {
      if (message?.type === 'fill-report') scope.collectedFillReports.push({ url: sender.tab?.url ?? '', report: message.report });
    });
  });
}

/** The reports collected so far from pages whose URL contains `urlPart`. */
export async function collectedReports(serviceWorker: Worker, urlPart: string): Promise<FillReport[]> {
  return serviceWorker.evaluate(
    (part) => ((globalThis as any).collectedFillReports as { url: string; report: FillReport }[]).filter((entry) => entry.url.includes(part)).map((entry) => entry.report),
    urlPart,
  );
}
