import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { DetectedStep } from '../finders/detect-step.ts';

/** A busy single-page app mutates constantly: the page is looked at most a few times a second. */
const STEP_CHECK_DELAY_MS = 250;

/**
 * Follows the wizard through its single-page navigation: calls `onStep` with the step `detectStep` sees
 * whenever it may have changed (DOM changes, throttled, and WXT's `wxt:locationchange`), and once
 * at start. `onStep` gets every look, not only changes; callers keep their own "already done".
 */
export function watchSteps(ctx: ContentScriptContext, detectStep: () => DetectedStep | null, onStep: (detected: DetectedStep | null) => void): void {
  const check = (): void => {
    if (!ctx.isInvalid) onStep(detectStep());
  };
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    ctx.setTimeout(() => {
      scheduled = false;
      check();
    }, STEP_CHECK_DELAY_MS);
  });
  observer.observe(document, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', check);
  check();
}
