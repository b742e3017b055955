/**
 * Fluent UI behaviour on top of the static dropdown fixtures, for filler tests: what the React
 * components do on mousedown/click/focus, reduced to the parts a filler depends on.
 */

/**
 * Fluent v8 Dropdown: click toggles a Layer at the end of the body holding `button role=option`s;
 * clicking one sets the title and closes; Escape closes; focus without a preceding mousedown
 * selects the first option (the trap a filler must avoid).
 */
export function emulateDropdownV8(root: HTMLElement, options: string[]): { focusSelections: number } {
  const title = root.querySelector('.ms-Dropdown-title')!;
  const stats = { focusSelections: 0 };
  let mouseDown = false;
  let layer: HTMLElement | null = null;
  const close = (): void => {
    layer?.remove();
    layer = null;
    root.setAttribute('aria-expanded', 'false');
  };
  root.addEventListener('mousedown', () => (mouseDown = true));
  root.addEventListener('focus', () => {
    if (!mouseDown) {
      stats.focusSelections++;
      title.textContent = options[0]!;
    }
  });
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape') close();
  });
  root.addEventListener('click', () => {
    mouseDown = false;
    if (layer) return close();
    layer = document.createElement('div');
    layer.className = 'ms-Layer';
    const listbox = document.createElement('div');
    listbox.setAttribute('role', 'listbox');
    for (const text of options) {
      const option = document.createElement('button');
      option.setAttribute('role', 'option');
      option.innerHTML = `<span class="ms-Dropdown-optionText">${text}</span>`;
      option.addEventListener('click', () => {
        title.textContent = text;
        close();
      });
      listbox.append(option);
    }
    layer.append(listbox);
    document.body.append(layer);
    root.setAttribute('aria-expanded', 'true');
  });
  return stats;
}

/**
 * Fluent v9 Combobox: click opens a portal listbox named by aria-controls; typing filters it;
 * clicking an option writes its text into the input and closes.
 */
export function emulateComboboxV9(input: HTMLInputElement, options: string[]): void {
  let portal: HTMLElement | null = null;
  const render = (filter: string): void => {
    const listbox = portal!.querySelector('[role=listbox]')!;
    listbox.replaceChildren();
    for (const text of options.filter((option) => option.toLowerCase().includes(filter.toLowerCase()))) {
      const option = document.createElement('div');
      option.setAttribute('role', 'option');
      option.textContent = text;
      option.addEventListener('click', () => {
        input.value = text;
        portal?.remove();
        portal = null;
        input.setAttribute('aria-expanded', 'false');
        input.removeAttribute('aria-controls');
      });
      listbox.append(option);
    }
  };
  const open = (): void => {
    if (portal) return;
    portal = document.createElement('div');
    portal.innerHTML = '<div role="listbox" id="fluent-listbox-1"></div>';
    document.body.append(portal);
    input.setAttribute('aria-expanded', 'true');
    input.setAttribute('aria-controls', 'fluent-listbox-1');
    render('');
  };
  input.addEventListener('click', open);
  input.addEventListener('input', () => {
    open();
    render(input.value);
  });
}

/** Fluent v9 Dropdown (`button role=combobox`): click opens a portal listbox named by aria-controls; an option click sets the button text. */
export function emulateDropdownV9(button: HTMLElement, options: string[]): void {
  let portal: HTMLElement | null = null;
  button.addEventListener('click', () => {
    if (portal) return;
    portal = document.createElement('div');
    portal.innerHTML = `<div role="listbox" id="${button.id}-listbox">${options.map((text) => `<div role="option">${text}</div>`).join('')}</div>`;
    for (const option of portal.querySelectorAll('[role=option]')) {
      option.addEventListener('click', () => {
        button.textContent = option.textContent;
        portal?.remove();
        portal = null;
        button.setAttribute('aria-expanded', 'false');
      });
    }
    document.body.append(portal);
    button.setAttribute('aria-expanded', 'true');
    button.setAttribute('aria-controls', `${button.id}-listbox`);
  });
}
