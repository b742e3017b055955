import { storage } from 'wxt/utils/storage';
import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import type { PickedFieldHint } from '../../../shared/form/fill-messages.ts';
import { isPickedFieldHint } from '../../../shared/form/message-guards.ts';
import { normalizeLabel } from '../../../shared/form/normalize-label.ts';

/** Fields a person pointed at, keyed by canonical key + normalised label, kept across page loads. */
const pickedHintsItem = storage.defineItem<Record<string, PickedFieldHint>>('local:pickedFieldHints', { fallback: {} });

function hintKey(key: CanonicalKey, label: string): string {
  return `${key}|${normalizeLabel(label)}`;
}

/** The hints in storage, minus any that no longer parse (a stored shape from an older version). */
export async function loadPickedHints(): Promise<Map<CanonicalKey, PickedFieldHint>> {
  const stored = await pickedHintsItem.getValue();
  const hints = new Map<CanonicalKey, PickedFieldHint>();
  for (const value of Object.values(stored)) {
    if (isPickedFieldHint(value)) hints.set(value.key, value);
  }
  return hints;
}

export async function savePickedHint(hint: PickedFieldHint): Promise<void> {
  const stored = await pickedHintsItem.getValue();
  await pickedHintsItem.setValue({ ...stored, [hintKey(hint.key, hint.label)]: hint });
}

/** The element a hint leads to, following one selector per shadow-root level. */
export function resolveHint(document: Document, hint: PickedFieldHint): Element | null {
  let root: Document | ShadowRoot = document;
  let element: Element | null = null;
  for (const [index, selector] of hint.path.entries()) {
    try {
      element = root.querySelector(selector);
    } catch {
      // A selector stored by an older version that this browser no longer parses: treat as not found.
      return null;
    }
    if (!element) return null;
    if (index < hint.path.length - 1) {
      if (!element.shadowRoot) return null;
      root = element.shadowRoot;
    }
  }
  return element;
}

/**
 * A path of selectors to `element`, one per shadow-root level: the element's id when it is
 * unique in its tree, else its name attribute, else a chain of `tag:nth-of-type`.
 */
export function describeElement(element: Element): string[] {
  const path: string[] = [];
  let current: Element | null = element;
  while (current) {
    const root = current.getRootNode() as Document | ShadowRoot;
    path.unshift(selectorWithinRoot(current, root));
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return path;
}

function selectorWithinRoot(element: Element, root: Document | ShadowRoot): string {
  const unique = (selector: string): boolean => {
    try {
      return root.querySelectorAll(selector).length === 1;
    } catch {
      return false;
    }
  };
  if (element.id && /^[A-Za-z][\w-]*$/.test(element.id) && unique(`#${element.id}`)) return `#${element.id}`;
  const name = element.getAttribute('name');
  if (name && /^[\w-]+$/.test(name) && unique(`${element.localName}[name="${name}"]`)) return `${element.localName}[name="${name}"]`;
  const steps: string[] = [];
  let current: Element | null = element;
  while (current && current.parentElement !== null) {
    const parent: Element = current.parentElement;
    const sameTag = [...parent.children].filter((child) => child.localName === current!.localName);
    steps.unshift(`${current.localName}:nth-of-type(${sameTag.indexOf(current) + 1})`);
    current = parent;
  }
  if (current) steps.unshift(current.localName);
  return steps.join(' > ');
}
