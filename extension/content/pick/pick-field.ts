import type { PickFieldReply, PickFieldRequest } from '../../../shared/form/fill-messages.ts';
import { CONTROL_SELECTOR } from '../dom/field-names.ts';
import { showBanner } from '../page/show-banner.ts';
import { describeElement, savePickedHint } from './picked-hints.ts';

const PICK_TIMEOUT_MS = 60_000;

/**
 * Lets the person click the field the finder could not find. The click is taken in the capture
 * phase (so the page does not act on it), its real target is read through shadow roots with
 * `composedPath()`, and a hint for that key + label is stored for the next fills. Escape cancels.
 */
export function pickField(document: Document, request: PickFieldRequest, signal: AbortSignal): Promise<PickFieldReply> {
  const view = document.defaultView ?? globalThis;
  const language = document.documentElement.lang.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  const banner = showBanner(
    document,
    language === 'ja'
      ? `「${request.label}」の入力欄をクリックしてください (Esc で取り消し)`
      : `Click the "${request.label}" field on the page (Esc to cancel)`,
  );
  return new Promise((resolve) => {
    const controller = new AbortController();
    const finish = (reply: PickFieldReply): void => {
      controller.abort();
      view.clearTimeout(timer);
      banner.remove();
      resolve(reply);
    };
    const timer = view.setTimeout(() => finish({ ok: false, key: request.key, reason: 'timeout' }), PICK_TIMEOUT_MS);
    signal.addEventListener('abort', () => finish({ ok: false, key: request.key, reason: 'cancelled' }), { signal: controller.signal });
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape') finish({ ok: false, key: request.key, reason: 'cancelled' });
      },
      { capture: true, signal: controller.signal },
    );
    document.addEventListener(
      'click',
      (event) => {
        const target = event.composedPath().find((node): node is Element => node instanceof view.Element && node.matches(CONTROL_SELECTOR));
        if (!target) return;
        event.preventDefault();
        event.stopPropagation();
        void savePickedHint({ key: request.key, label: request.label, path: describeElement(target) }).then(() =>
          finish({ ok: true, key: request.key }),
        );
      },
      { capture: true, signal: controller.signal },
    );
  });
}
