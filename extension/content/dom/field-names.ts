import { composedParent, getByIdInTree } from './walk-deep.ts';

/** Checkboxes as pages draw them: native, ARIA checkbox, or a Fluent toggle (`role=switch`). */
export const CHECKBOX_SELECTOR = 'input[type=checkbox], [role=checkbox], [role=switch]';

/** One button of a radio group: the group, not the button, is the field (its buttons are its options). */
export const RADIO_SELECTOR = 'input[type=radio], [role=radio]';

/**
 * The group a radio button belongs to: a `role=radiogroup` (Fluent ChoiceGroup, v9 RadioGroup), else
 * a fieldset holding nothing but radio buttons (not a whole section drawn as a fieldset).
 */
export function radioGroupOf(radio: Element): Element | null {
  const group = radio.closest('[role=radiogroup]');
  if (group) return group;
  const fieldset = radio.closest('fieldset');
  return fieldset && !fieldset.querySelector(CONTROL_SELECTOR) ? fieldset : null;
}

/** The controls a person can fill: the elements the finder considers. */
export const CONTROL_SELECTOR = [
  'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]):not([type=radio])',
  'textarea',
  'select',
  '[role=combobox]',
  '[role=listbox]',
  '[role=checkbox]',
  '[role=switch]',
  '[role=spinbutton]',
  '[role=radiogroup]',
].join(',');

/**
 * The names a person would read for a control, most explicit first: `aria-labelledby` (each
 * referenced element alone and all together), `aria-label`, `<label for>`, a wrapping `<label>`,
 * a fieldset's legend, and only for a control without any of those: nearby text (a short text just before it, or just
 * after it for a checkbox), then its `title` or `placeholder`.
 */
export function fieldNames(control: Element): string[] {
  const names: string[] = [];
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    const parts = labelledBy
      .split(/\s+/)
      .map((id) => getByIdInTree(control, id))
      .filter((element): element is Element => element !== null && element !== control)
      .map((element) => textOf(element));
    names.push(...parts, parts.join(' '));
  }
  const ariaLabel = control.getAttribute('aria-label');
  if (ariaLabel) names.push(ariaLabel);
  const id = control.getAttribute('id');
  if (id) {
    const root = control.getRootNode() as Document | ShadowRoot;
    for (const label of root.querySelectorAll('label[for]')) {
      if (label.getAttribute('for') === id) names.push(textOf(label));
    }
  }
  const wrappingLabel = control.closest('label');
  if (wrappingLabel) names.push(textOf(wrappingLabel));
  // A group of radio buttons drawn as a fieldset is named by its legend.
  const legend = control.matches('fieldset') ? control.querySelector(':scope > legend') : null;
  if (legend) names.push(textOf(legend));
  const explicit = names.map((name) => name.trim()).filter((name) => name !== '');
  if (explicit.length > 0) return explicit;
  // Only an unlabelled control takes nearby text, so that a labelled field never borrows its neighbour's;
  // its title or placeholder come last, as in the accessible-name computation.
  const fallbacks = [nearbyText(control), control.getAttribute('title'), control.getAttribute('placeholder')];
  return fallbacks.filter((name): name is string => !!name && name.trim() !== '').map((name) => name.trim());
}

/**
 * Visible text of an element as rendered: without the text of controls inside it (a select's
 * options), with a web component's shadow content, and with what a `<slot>` shows (the host's
 * light-DOM children assigned to it, e.g. `<fluent-button>Next</fluent-button>`).
 */
export function textOf(element: Element): string {
  let text = '';
  const visit = (child: Node): void => {
    if (child.nodeType === 3) text += child.textContent ?? '';
    else if (child.nodeType === 1) {
      const childElement = child as Element;
      if (childElement.matches('select, option, input, textarea, script, style, [aria-hidden=true]')) return;
      if (childElement.localName === 'slot') {
        const assigned = (childElement as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
        if (assigned.length > 0) {
          for (const node of assigned) visit(node);
          return;
        }
      }
      walk(childElement);
      if (childElement.shadowRoot) walk(childElement.shadowRoot);
    }
  };
  const walk = (node: Node): void => {
    for (const child of node.childNodes) visit(child);
  };
  if (element.shadowRoot && element.childNodes.length === 0) walk(element.shadowRoot);
  else walk(element);
  return text.replace(/\s+/g, ' ').trim();
}

const MAX_NEARBY_LENGTH = 100;

/**
 * The short text a person reads next to a control that has no programmatic label: climbing at
 * most three ancestors, the nearest preceding sibling with text (for a checkbox, the following
 * one first, since its text sits to the right of the box).
 */
function nearbyText(control: Element): string | undefined {
  const isCheckbox = control.matches(CHECKBOX_SELECTOR);
  let current: Element | null = control;
  for (let depth = 0; current && depth < 3; depth++) {
    if (isCheckbox) {
      const after = siblingText(current, 'next');
      if (after) return after;
    }
    const before = siblingText(current, 'previous');
    if (before) return before;
    current = composedParent(current);
  }
  return undefined;
}

function siblingText(element: Element, direction: 'previous' | 'next'): string | undefined {
  let node = direction === 'previous' ? element.previousSibling : element.nextSibling;
  while (node) {
    const text = node.nodeType === 1 ? textOf(node as Element) : node.nodeType === 3 ? (node.textContent ?? '').trim() : '';
    if (node.nodeType === 1 && (node as Element).querySelector('input, select, textarea, [role=combobox]')) return undefined;
    if (text) return text.length <= MAX_NEARBY_LENGTH ? text : undefined;
    node = direction === 'previous' ? node.previousSibling : node.nextSibling;
  }
  return undefined;
}
