import { onRender } from './dom.ts';

/** Keeps an element's text (or one attribute) equal to `text()` on every render, touching the DOM only on a change. */
export function liveText(element: HTMLElement, text: () => string, attribute?: string): HTMLElement {
  const apply = (): void => {
    const wanted = text();
    if (attribute) {
      if (element.getAttribute(attribute) !== wanted) element.setAttribute(attribute, wanted);
    } else if (element.firstChild?.nodeType !== 3 || element.firstChild.textContent !== wanted) {
      if (element.firstChild?.nodeType === 3) element.firstChild.textContent = wanted;
      else element.prepend(wanted);
    }
  };
  apply();
  onRender(element, apply);
  return element;
}
