/**
 * Whether a person could see `element`: not `hidden`, not `display: none` / `visibility: hidden`
 * on it or an ancestor (crossing shadow roots). Opacity is ignored on purpose: Fluent hides the
 * real checkbox input with opacity 0 under its drawn box.
 */
export function isVisible(element: Element): boolean {
  // The browser's own answer is far cheaper than computed styles up the tree (Chrome 121+, Firefox 125+).
  if (typeof element.checkVisibility === 'function' && !isHappyDom(element)) {
    return element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
  }
  let current: Element | null = element;
  while (current) {
    if (current.hasAttribute('hidden')) return false;
    const style = current.ownerDocument.defaultView?.getComputedStyle(current);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
    const root = current.getRootNode();
    current = current.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return true;
}

/** happy-dom (unit tests) has no layout, so its checkVisibility cannot see `hidden` or `display: none`. */
function isHappyDom(element: Element): boolean {
  return (element.ownerDocument.defaultView?.navigator.userAgent ?? '').includes('HappyDOM');
}
