import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { reloadMessage, showBanner } from './show-banner.ts';

const CHECK_EVERY_MS = 2000;

/**
 * Tells the person to reload the page when the extension was reloaded or updated under it.
 * Chrome does not notify an orphaned content script, and WXT's `ctx` only notices when asked
 * (`ctx.isInvalid`), so the check runs on a slow timer and whenever the person comes back to or
 * touches the page. These listeners are plain ones on purpose: `ctx`'s own die with the context.
 */
export function watchInvalidation(ctx: ContentScriptContext, document: Document): void {
  const window = document.defaultView!;
  let shown = false;
  const check = (): void => {
    if (shown) return;
    const orphaned = ctx.isInvalid || browser.runtime?.id === undefined;
    if (!orphaned) return;
    shown = true;
    showBanner(document, reloadMessage(document));
    window.clearInterval(timer);
    window.removeEventListener('focus', check);
    window.removeEventListener('pointerdown', check, true);
    document.removeEventListener('visibilitychange', check);
  };
  const timer = window.setInterval(check, CHECK_EVERY_MS);
  window.addEventListener('focus', check);
  window.addEventListener('pointerdown', check, true);
  document.addEventListener('visibilitychange', check);
  ctx.onInvalidated(check);
}
