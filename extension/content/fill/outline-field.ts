const ATTRIBUTE = 'data-pc-onboard-attention';

/** Draws a visible outline on a field a person still has to look at (rejected or left empty). */
export function outlineField(element: Element, reason: string): void {
  const styled = element as HTMLElement;
  styled.setAttribute(ATTRIBUTE, reason);
  styled.style.setProperty('outline', '3px solid #d83b01', 'important');
  styled.style.setProperty('outline-offset', '2px', 'important');
}

export function isOutlined(element: Element): boolean {
  return element.hasAttribute(ATTRIBUTE);
}

/** Removes the outlines of an earlier fill. */
export function clearOutlines(root: Document): void {
  const walk = (node: Document | ShadowRoot): void => {
    for (const element of node.querySelectorAll('*')) {
      if (element.hasAttribute(ATTRIBUTE)) {
        element.removeAttribute(ATTRIBUTE);
        (element as HTMLElement).style.removeProperty('outline');
        (element as HTMLElement).style.removeProperty('outline-offset');
      }
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(root);
}
