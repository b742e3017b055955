import { h, onRender, scheduleRender, uid } from './dom.ts';
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
  let portal: HTMLElement | null = null;
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
  const close = (): void => {
    portal?.remove();
    portal = null;
    filter = null;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-controls');
    scheduleRender();
  };
  const renderList = (): void => {
    if (!portal) return;
    const listbox = portal.querySelector('[role=listbox]')!;
    listbox.replaceChildren();
    const wanted = (filter ?? '').toLowerCase();
    for (const option of options.options().filter((item) => item.text.toLowerCase().includes(wanted))) {
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
            },
          },
          option.text,
        ),
      );
    }
  };
  const open = (): void => {
    if (portal) return;
    const rect = input.getBoundingClientRect();
    portal = h(
      'div',
      { class: 'fui-Portal' },
      h('div', { role: 'listbox', id: listId, class: 'fui-Listbox', style: `left:${rect.left}px;top:${rect.bottom + window.scrollY}px;width:${rect.width}px` }),
    );
    document.body.append(portal);
    input.setAttribute('aria-expanded', 'true');
    input.setAttribute('aria-controls', listId);
    renderList();
  };

  input.addEventListener('click', () => (portal ? close() : open()));
  input.addEventListener('input', () => {
    filter = nativeValue.get!.call(input) as string;
    open();
    renderList();
  });
  document.addEventListener('mousedown', (event) => {
    if (portal && !event.composedPath().some((node) => node === portal || node === input)) close();
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
