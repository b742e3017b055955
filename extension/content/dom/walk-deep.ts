/**
 * Every element under `root` in document order, descending into open shadow roots right after
 * their host (Partner Center nests web components with open shadow roots; docs/contracts/wizard-form.md).
 */
export function* walkDeep(root: Document | ShadowRoot | Element): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* walkDeep(element.shadowRoot);
  }
}

/** Every element matching `selector` under `root`, open shadow roots included. */
export function queryDeep<T extends Element = Element>(root: Document | ShadowRoot | Element, selector: string): T[] {
  const found: T[] = [];
  for (const element of walkDeep(root)) if (element.matches(selector)) found.push(element as T);
  return found;
}

/** The open shadow roots under `root`, nested ones included. */
export function shadowRootsDeep(root: Document | ShadowRoot | Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const element of walkDeep(root)) if (element.shadowRoot) roots.push(element.shadowRoot);
  return roots;
}

/** The parent of `element`, stepping out of a shadow root to its host. */
export function composedParent(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** `id` looked up in the tree (document or shadow root) that holds `element`, as aria-labelledby does. */
export function getByIdInTree(element: Element, id: string): Element | null {
  const root = element.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}
