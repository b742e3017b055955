import { normalizeLabel } from '../../../shared/form/normalize-label.ts';
import { textOf } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { getByIdInTree, queryDeep } from '../dom/walk-deep.ts';

/**
 * The option whose text or value matches one of `matches` once both are normalised (as labels
 * are): the first match in `matches` order wins, so the displayed name beats an alias.
 * A state given as `WA` thus selects "Washington" (dashboard-form.md).
 */
export function findOption<T extends Element>(options: readonly T[], matches: readonly string[]): T | undefined {
  const described = options.map((option) => ({
    option,
    keys: [textOf(option), option.getAttribute('value') ?? '', option.getAttribute('data-value') ?? '', option.getAttribute('aria-label') ?? '']
      .map(normalizeLabel)
      .filter((key) => key !== ''),
  }));
  for (const match of matches) {
    const wanted = normalizeLabel(match);
    const found = described.find(({ keys }) => keys.includes(wanted));
    if (found) return found.option;
  }
  // An option may add a qualifier ("English (United States)"): accept it when it is the only one.
  for (const match of matches) {
    const wanted = normalizeLabel(match);
    if (wanted.length < 2) continue;
    const qualified = described.filter(({ keys }) => keys.some((key) => key.startsWith(wanted)));
    if (qualified.length === 1) return qualified[0]!.option;
  }
  return undefined;
}

/** Whether the control already shows one of `matches` (then it is left alone). */
export function showsValue(text: string, matches: readonly string[]): boolean {
  const shown = normalizeLabel(text);
  return shown !== '' && matches.some((match) => normalizeLabel(match) === shown);
}

/**
 * The open option list of a dropdown: the one named by aria-controls / aria-owns when there is
 * one, else the visible listbox with options that the popup layer added to the page.
 */
export function findOpenListbox(trigger: Element): Element | null {
  const document = trigger.ownerDocument;
  for (const attribute of ['aria-controls', 'aria-owns']) {
    const id = trigger.getAttribute(attribute);
    if (!id) continue;
    const listbox = getByIdInTree(trigger, id) ?? document.getElementById(id) ?? queryDeep(document, '[id]').find((element) => element.id === id);
    if (listbox && isVisible(listbox) && listbox.querySelector('[role=option]')) return listbox;
  }
  const open = queryDeep(document, '[role=listbox]').filter((listbox) => listbox.querySelector('[role=option]') && isVisible(listbox));
  return open.at(-1) ?? null;
}

/** The options of a list, by text, for a "no such option" message. */
export function optionTexts(listbox: Element, limit = 8): string {
  const texts = [...listbox.querySelectorAll('[role=option]')].map(textOf).filter(Boolean);
  return texts.slice(0, limit).join(', ') + (texts.length > limit ? ', …' : '');
}
