import { h, onRender, scheduleRender, uid } from './dom.ts';
import { v9Listbox } from './v9-listbox.ts';
import type { DropdownOption } from './dropdown-v8.ts';

const nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;

/**
 * A Fluent UI v9 Combobox: an editable `input role=combobox` with a `<label for>`; while open,
 * `aria-controls` names a listbox of `role=option` rendered in a portal at the end of the body.
 * Typing filters the options; clicking one selects it.
 */
export function comboboxV9(options: { label: string; options: () => DropdownOption[]; get: () => string; set: (key: string) => void }): HTMLElement {
  const id = uid('combobox');
  const listId = `${id}-listbox`;
  let filter: string | null = null;
  const input = h('input', {
    id,
    class: 'fui-Combobox__input',
    role: 'combobox',
    type: 'text',
    autocomplete: 'off',
    'aria-expanded': 'false',
    'aria-autocomplete': 'list',
  }) as HTMLInputElement;

  const selectedText = (): string => options.options().find((option) => option.key === options.get())?.text ?? '';
  const list = v9Listbox(input, listId, () => {
    filter = null;
    scheduleRender();
  });
  const renderList = (): void => {
    const wanted = (filter ?? '').toLowerCase();
    list.show(options.options().filter((item) => item.text.toLowerCase().includes(wanted)), options.get(), options.set);
  };
  const open = (): void => {
    if (list.isOpen()) return;
    list.open();
    renderList();
  };

  input.addEventListener('click', () => (list.isOpen() ? list.close() : open()));
  input.addEventListener('input', () => {
    filter = nativeValue.get!.call(input) as string;
    open();
    renderList();
  });
  onRender(input, () => {
    const shown = filter ?? selectedText();
    if (input.value !== shown) input.value = shown;
  });
  return h(
    'div',
    { class: 'fui-Field field' },
    h('label', { for: id, class: 'fui-Label' }, options.label),
    h('div', { class: 'fui-Combobox' }, input, h('span', { class: 'fui-Combobox__expandIcon', 'aria-hidden': 'true' }, '⌄')),
  );
}
