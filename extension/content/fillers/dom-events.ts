/**
 * Events as a person's input makes them. Constructors come from the element's own window, so
 * the same code works in the page, in a content script's isolated world and under happy-dom.
 */
function windowOf(element: Element): Window & typeof globalThis {
  return (element.ownerDocument.defaultView ?? globalThis) as Window & typeof globalThis;
}

/** mousedown, mouseup, click: how Fluent dropdowns must be opened (focus alone selects the first option). */
export function pressWithMouse(element: Element): void {
  const view = windowOf(element);
  const init = { bubbles: true, cancelable: true, composed: true, button: 0, view };
  element.dispatchEvent(new view.PointerEvent('pointerdown', init));
  element.dispatchEvent(new view.MouseEvent('mousedown', init));
  element.dispatchEvent(new view.PointerEvent('pointerup', init));
  element.dispatchEvent(new view.MouseEvent('mouseup', init));
  element.dispatchEvent(new view.MouseEvent('click', init));
}

export function dispatchInputAndChange(element: Element, data: string): void {
  const view = windowOf(element);
  element.dispatchEvent(new view.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data }));
  // composed: a React root outside a shadow root still hears a change made inside it.
  element.dispatchEvent(new view.Event('change', { bubbles: true, composed: true }));
}

export function pressEscape(element: Element): void {
  const view = windowOf(element);
  element.dispatchEvent(new view.KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true, composed: true }));
}

/** Focus, as a click into a text box gives it. */
export function focusElement(element: Element): void {
  if ('focus' in element && typeof element.focus === 'function') (element as HTMLElement).focus({ preventScroll: true });
}

/**
 * Leaves the field, so that the page runs its on-blur validation. When the window has no focus
 * (a background tab), `blur()` fires nothing, so the events are sent by hand.
 */
export function leaveField(element: Element): void {
  const view = windowOf(element);
  let blurred = false;
  const onBlur = (): void => {
    blurred = true;
  };
  element.addEventListener('blur', onBlur, { once: true });
  if ('blur' in element && typeof element.blur === 'function') (element as HTMLElement).blur();
  element.removeEventListener('blur', onBlur);
  if (!blurred) {
    element.dispatchEvent(new view.FocusEvent('blur', { bubbles: false, composed: true }));
    element.dispatchEvent(new view.FocusEvent('focusout', { bubbles: true, composed: true }));
  }
}
