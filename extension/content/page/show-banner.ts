const BANNER_ID = 'pc-onboard-banner';

/**
 * A small fixed banner at the top of the page, in its own shadow root so that the page's styles
 * neither hide nor restyle it. Used when the extension was updated under an open page.
 */
export function showBanner(document: Document, message: string): HTMLElement {
  document.getElementById(BANNER_ID)?.remove();
  const host = document.createElement('div');
  host.id = BANNER_ID;
  const shadow = host.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.textContent = message;
  box.style.cssText = [
    'position:fixed', 'top:12px', 'left:50%', 'transform:translateX(-50%)', 'z-index:2147483647',
    'background:#fff4ce', 'color:#323130', 'border:1px solid #d83b01', 'border-radius:4px',
    'padding:8px 16px', 'font:14px/1.4 "Segoe UI",system-ui,sans-serif', 'box-shadow:0 2px 8px rgba(0,0,0,.2)',
  ].join(';');
  shadow.append(box);
  document.documentElement.append(host);
  return host;
}

/** The message shown when the extension was reloaded or updated under this page, in the page's language. */
export function reloadMessage(document: Document): string {
  return document.documentElement.lang.toLowerCase().startsWith('ja')
    ? 'pc-onboard が更新されました。ページを再読み込みしてください。'
    : 'pc-onboard was updated — reload the page.';
}

/** Whether an error is the browser saying that this content script's extension is gone. */
export function isContextInvalidated(error: unknown): boolean {
  return error instanceof Error && /Extension context invalidated|Receiving end does not exist|message port closed/i.test(error.message);
}
