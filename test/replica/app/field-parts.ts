import { applyBrokenBehaviour } from './broken-behaviour.ts';
import { controlledText } from './controlled.ts';
import { h, onRender, scheduleRender, uid } from './dom.ts';
import { errorFor, state, type TextField } from './store.ts';

/**
 * Ties a control to its field's validation, the way Fluent fields show it: `aria-invalid`, an
 * error text with `role=alert` inside the field container, linked by `aria-describedby`.
 * Errors show once the field was left, or after Next was pressed.
 */
export function withValidation(field: TextField, control: HTMLElement, container: HTMLElement, otherDescriptions: string[] = []): HTMLElement {
  const errorId = uid(`${field}-error`);
  const error = h('div', { id: errorId, class: 'field-error', role: 'alert', hidden: true });
  container.append(error);
  onRender(control, () => {
    const message = state.touched.has(field) ? errorFor(field) : null;
    control.setAttribute('aria-invalid', message ? 'true' : 'false');
    const describedBy = [...otherDescriptions, ...(message ? [errorId] : [])].join(' ');
    if (describedBy) control.setAttribute('aria-describedby', describedBy);
    else control.removeAttribute('aria-describedby');
    error.textContent = message ?? '';
    error.hidden = !message;
  });
  return container;
}

/** A controlled text input bound to `state.values[field]`, marked touched when left. */
export function textInput(field: TextField, attributes: Record<string, string | boolean | undefined> = {}, onBlur?: () => void): HTMLInputElement {
  return controlledText({
    get: () => state.values[field],
    set: (value) => {
      state.values[field] = value;
    },
    onBlur: () => {
      state.touched.add(field);
      applyBrokenBehaviour(field);
      onBlur?.();
    },
    attributes,
  });
}

/** A text field labelled with `<label for>`. */
export function labelledTextField(field: TextField, label: () => string, options: { required?: boolean; placeholder?: string } = {}): HTMLElement {
  const id = uid(field);
  const input = textInput(field, { id, placeholder: options.placeholder, 'aria-required': options.required ? 'true' : undefined });
  const labelElement = h('label', { for: id, class: 'ms-Label' });
  onRender(labelElement, () => {
    labelElement.textContent = label() + (options.required ? ' *' : '');
  });
  labelElement.textContent = label() + (options.required ? ' *' : '');
  return withValidation(field, input, h('div', { class: 'field' }, labelElement, input));
}

/**
 * A part of the form that is rebuilt when `key()` changes (a field that appears after another
 * choice, or whose kind depends on it), as React mounts a different subtree.
 */
export function slot(key: () => string, build: () => Node | null): HTMLElement {
  const container = h('div', { class: 'slot' });
  let built: string | undefined;
  const update = (): void => {
    const current = key();
    if (current === built) return;
    built = current;
    const content = build();
    container.replaceChildren(...(content ? [content] : []));
    scheduleRender();
  };
  onRender(container, update);
  queueMicrotask(update);
  return container;
}
