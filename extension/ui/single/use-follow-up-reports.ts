import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { fillReportMessageSchema, type FillReport } from '../../../shared/form/fill-messages.ts';

/**
 * Calls `onReport` with each fill the content script ran on its own (the Subscriptions step, once
 * the person moved on to it after an Account info fill): a `fill-report` runtime message.
 * Other runtime messages are not ours and are ignored.
 */
export function useFollowUpReports(onReport: (report: FillReport) => void): void {
  useEffect(() => {
    function listen(message: unknown) {
      const parsed = fillReportMessageSchema.safeParse(message);
      if (parsed.success) onReport(parsed.data.report);
      // No reply: the content script only tells, it does not wait for an answer.
      return undefined;
    }
    browser.runtime.onMessage.addListener(listen);
    return () => browser.runtime.onMessage.removeListener(listen);
  }, []);
}
