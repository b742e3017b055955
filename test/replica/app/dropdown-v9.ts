import { h, onRender, scheduleRender, uid } from './dom.ts';
import { v9Listbox } from './v9-listbox.ts';
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
  const list = v9Listbox(button, listId, () => {});
  const open = (): void => {
    list.open();
    list.show(options.options(), options.get(), (key) => {
      options.set(key);
      scheduleRender();
    });
  };
  button.addEventListener('click', () => (list.isOpen() ? list.close() : open()));
  button.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape') list.close();
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
