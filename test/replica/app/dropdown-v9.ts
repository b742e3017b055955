import { h, onRender, scheduleRender, uid } from './dom.ts';
import type { DropdownOption } from './dropdown-v8.ts';

/**
 * A Fluent UI v9 Dropdown: a `button role=combobox` named by `aria-labelledby` (its label and
 * itself); while open, `aria-controls` names a listbox of `role=option` in a portal at the end of
 * the body. Escape or a click elsewhere closes it.
 */
export function dropdownV9(options: { label: string; placeholder: string; options: () => DropdownOption[]; get: () => string; set: (key: string) => void; required?: boolean }): { field: HTMLElement; root: HTMLElement } {
  const id = uid('dropdown');
  const labelId = `${id}-label`;
  const listId = `${id}-listbox`;
  const button = h('button', {
    type: 'button',
    id,
    role: 'combobox',
    class: 'fui-Dropdown__button',
    'aria-haspopup': 'listbox',
    'aria-expanded': 'false',
    'aria-labelledby': `${labelId} ${id}`,
    'aria-required': options.required ? 'true' : undefined,
  });
  let portal: HTMLElement | null = null;
  const close = (): void => {
    portal?.remove();
    portal = null;
    button.setAttribute('aria-expanded', 'false');
    button.removeAttribute('aria-controls');
  };
  const open = (): void => {
    const rect = button.getBoundingClientRect();
    const listbox = h('div', { role: 'listbox', id: listId, class: 'fui-Listbox', style: `left:${rect.left}px;top:${rect.bottom + window.scrollY}px;width:${rect.width}px` });
    for (const option of options.options()) {
      listbox.append(
        h(
          'div',
          {
            role: 'option',
            id: uid('option'),
            class: 'fui-Option',
            'aria-selected': String(option.key === options.get()),
            onclick: () => {
              options.set(option.key);
              close();
              scheduleRender();
            },
          },
          option.text,
        ),
      );
    }
    portal = h('div', { class: 'fui-Portal' }, listbox);
    document.body.append(portal);
    button.setAttribute('aria-expanded', 'true');
    button.setAttribute('aria-controls', listId);
  };
  button.addEventListener('click', () => (portal ? close() : open()));
  button.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape') close();
  });
  document.addEventListener('mousedown', (event) => {
    if (portal && !event.composedPath().some((node) => node === portal || node === button)) close();
  });
  onRender(button, () => {
    const text = options.options().find((option) => option.key === options.get())?.text ?? options.placeholder;
    if (button.textContent !== text) button.textContent = text;
  });
  const field = h(
    'div',
    { class: 'fui-Field field' },
    h('label', { id: labelId, class: 'fui-Label' }, options.label, options.required ? h('span', { class: 'fui-Label__required', 'aria-hidden': 'true' }, ' *') : null),
    button,
  );
  return { field, root: button };
}
