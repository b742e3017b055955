import { h, onRender, scheduleRender, uid } from './dom.ts';

export interface DropdownOption {
  key: string;
  text: string;
}

export interface DropdownV8Options {
  label: string;
  placeholder: string;
  options: () => DropdownOption[];
  get: () => string;
  set: (key: string) => void;
  required?: boolean;
  errorId?: string;
  /** Fluent's FocusTrapZone: while the list is open, focus that leaves it is pulled back to its first option. */
  focusTrap?: boolean;
}

/**
 * A Fluent UI v8 Dropdown as it renders: a focusable `div role=combobox` titled by its label and
 * the selected text, options in a popup layer appended to the body (opened by mousedown + click),
 * and v8's trap: focusing it without a mousedown selects the first option.
 */
export function dropdownV8(options: DropdownV8Options): { field: HTMLElement; root: HTMLElement } {
  const id = uid('Dropdown');
  const labelId = `${id}-label`;
  const titleId = `${id}-option`;
  const listId = `${id}-list`;
  const title = h('span', { id: titleId, class: 'ms-Dropdown-title' });
  const root = h(
    'div',
    {
      id,
      class: 'ms-Dropdown',
      tabindex: '0',
      role: 'combobox',
      'aria-haspopup': 'listbox',
      'aria-expanded': 'false',
      'aria-labelledby': `${labelId} ${titleId}`,
      'aria-required': options.required ? 'true' : undefined,
      'data-is-focusable': 'true',
    },
    title,
    h('span', { class: 'ms-Dropdown-caretDownWrapper', 'aria-hidden': 'true' }, '⌄'),
  );
  let layer: HTMLElement | null = null;
  let mouseDown = false;

  const trapFocus = (event: FocusEvent): void => {
    if (layer && !event.composedPath().includes(layer)) layer.querySelector<HTMLElement>('[role=option]')?.focus();
  };
  const close = (): void => {
    layer?.remove();
    layer = null;
    document.removeEventListener('focusin', trapFocus);
    root.setAttribute('aria-expanded', 'false');
    root.removeAttribute('aria-controls');
  };
  const open = (): void => {
    const listbox = h('div', { id: listId, role: 'listbox', 'aria-labelledby': labelId, class: 'ms-Dropdown-items' });
    for (const option of options.options()) {
      const selected = option.key === options.get();
      listbox.append(
        h(
          'button',
          {
            type: 'button',
            role: 'option',
            class: `ms-Dropdown-item${selected ? ' is-selected' : ''}`,
            'aria-selected': String(selected),
            onclick: () => {
              options.set(option.key);
              close();
              scheduleRender();
            },
          },
          h('span', { class: 'ms-Dropdown-optionText' }, option.text),
        ),
      );
    }
    const rect = root.getBoundingClientRect();
    layer = h(
      'div',
      { class: 'ms-Layer' },
      h('div', { class: 'ms-Callout', style: `left:${rect.left}px;top:${rect.bottom + window.scrollY}px;width:${rect.width}px` }, listbox),
    );
    document.body.append(layer);
    root.setAttribute('aria-expanded', 'true');
    root.setAttribute('aria-controls', listId);
    if (options.focusTrap) {
      document.addEventListener('focusin', trapFocus);
      layer.querySelector<HTMLElement>('[role=option]')?.focus();
    }
  };

  root.addEventListener('mousedown', () => {
    mouseDown = true;
  });
  root.addEventListener('focus', () => {
    // Fluent v8's known trap: keyboard-less focus selects the first option.
    if (!mouseDown && !options.get()) {
      const first = options.options()[0];
      if (first) options.set(first.key);
      scheduleRender();
    }
  });
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape') close();
  });
  root.addEventListener('click', () => {
    mouseDown = false;
    if (layer) close();
    else open();
  });
  document.addEventListener('mousedown', (event) => {
    if (layer && !event.composedPath().some((node) => node === layer || node === root)) close();
  });
  onRender(root, () => {
    const selected = options.options().find((option) => option.key === options.get());
    title.textContent = selected?.text ?? options.placeholder;
    title.classList.toggle('is-placeholder', !selected);
  });
  const field = h(
    'div',
    { class: 'ms-Dropdown-container field' },
    h('label', { id: labelId, class: 'ms-Label' }, options.label, options.required ? h('span', { class: 'required' }, ' *') : null),
    root,
  );
  return { field, root };
}
