import { h, uid } from './dom.ts';
import type { DropdownOption } from './dropdown-v8.ts';

/**
 * The popup Fluent UI v9 Dropdown and Combobox share: a `role=listbox` of `role=option` in a portal
 * at the end of the body, placed under its trigger, which says it is open with `aria-expanded` and
 * names the listbox with `aria-controls`. A click elsewhere closes it.
 */
export function v9Listbox(trigger: HTMLElement, listId: string, onClose: () => void) {
  let portal: HTMLElement | null = null;
  const close = (): void => {
    portal?.remove();
    portal = null;
    trigger.setAttribute('aria-expanded', 'false');
    trigger.removeAttribute('aria-controls');
    onClose();
  };
  document.addEventListener('mousedown', (event) => {
    if (portal && !event.composedPath().some((node) => node === portal || node === trigger)) close();
  });
  return {
    isOpen: (): boolean => portal !== null,
    close,
    open(): void {
      if (portal) return;
      const rect = trigger.getBoundingClientRect();
      portal = h(
        'div',
        { class: 'fui-Portal' },
        h('div', { role: 'listbox', id: listId, class: 'fui-Listbox', style: `left:${rect.left}px;top:${rect.bottom + window.scrollY}px;width:${rect.width}px` }),
      );
      document.body.append(portal);
      trigger.setAttribute('aria-expanded', 'true');
      trigger.setAttribute('aria-controls', listId);
    },
    /** Shows these options (`selected` is the current value's key); a click picks one and closes. */
    show(items: DropdownOption[], selected: string, pick: (key: string) => void): void {
      const listbox = portal?.querySelector('[role=listbox]');
      if (!listbox) return;
      listbox.replaceChildren(
        ...items.map((option) =>
          h(
            'div',
            {
              role: 'option',
              id: uid('option'),
              class: 'fui-Option',
              'aria-selected': String(option.key === selected),
              onclick: () => {
                pick(option.key);
                close();
              },
            },
            option.text,
          ),
        ),
      );
    },
  };
}
