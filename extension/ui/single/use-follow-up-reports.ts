import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { FillReport } from '../../../shared/form/fill-messages.ts';
import { loadMessageSchemas } from './send-to-wizard.ts';

/**
 * Calls `onReport` with each fill the content script ran on its own (the Subscriptions step, once
 * the person moved on to it after an Account info fill): a `fill-report` runtime message.
 * Other runtime messages are not ours and are ignored.
 */
export function useFollowUpReports(onReport: (report: FillReport) => void): void {
  useEffect(() => {
    let live = true;
    function listen(message: unknown) {
      // Only a message that says it is a fill report is worth loading the schemas for.
      if ((message as { type?: unknown } | null)?.type !== 'fill-report') return undefined;
      void loadMessageSchemas().then(({ fillReportMessageSchema }) => {
        const parsed = fillReportMessageSchema.safeParse(message);
        if (live && parsed.success) onReport(parsed.data.report);
      });
      // No reply: the content script only tells, it does not wait for an answer.
      return undefined;
    }
    browser.runtime.onMessage.addListener(listen);
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(listen);
    };
  }, []);
}
