import { normalizeLabel } from '../../../shared/form/normalize-label.ts';
import { textOf } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { waitFor } from '../dom/wait-for.ts';
import { getByIdInTree, queryDeep } from '../dom/walk-deep.ts';
import { FILL_TEXTS } from './fill-texts.ts';
import { pressEscape, pressWithMouse } from './dom-events.ts';
import { FILLED, fillFailure, type FillResult } from './fill-result.ts';

/** How long a dropdown's list takes to open, filter or close on a choice. */
export const LIST_TIMEOUT_MS = 1000;

/**
 * The option whose text or value matches one of `matches` once both are normalised (as labels
 * are): the first match in `matches` order wins, so the displayed name beats an alias.
 * A state given as `WA` thus selects "Washington" (docs/contracts/wizard-form.md).
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

/** Waits for the list a dropdown opened (once the caller pressed it): the listbox, or the failure to report. */
export async function waitForOpenListbox(trigger: Element, signal: AbortSignal): Promise<{ ok: true; listbox: Element } | { ok: false; result: FillResult }> {
  const opened = await waitFor(() => findOpenListbox(trigger), { signal, timeoutMs: LIST_TIMEOUT_MS });
  if (opened.ok) return { ok: true, listbox: opened.value };
  return { ok: false, result: opened.reason === 'aborted' ? fillFailure('ABORTED', FILL_TEXTS.aborted()) : fillFailure('LIST_NOT_OPENED', FILL_TEXTS.listNotOpened()) };
}

/**
 * Presses the option like a pointer and waits until the dropdown shows it; without an option,
 * closes the list and reports what it offered (`available`).
 */
export async function pressOption(
  trigger: Element,
  option: Element | undefined,
  choice: { matches: readonly string[]; available: string; shownText: () => string; signal: AbortSignal },
): Promise<FillResult> {
  if (!option) {
    pressEscape(trigger);
    return fillFailure('OPTION_NOT_FOUND', FILL_TEXTS.optionNotFound(choice.matches[0] ?? '', choice.available));
  }
  pressWithMouse(option);
  // A choice may re-mount the whole step (a country): the removed dropdown is not waited on; the read-back re-finds the new one.
  const chosen = await waitFor(() => (!trigger.isConnected || showsValue(choice.shownText(), choice.matches) ? true : null), {
    signal: choice.signal,
    timeoutMs: LIST_TIMEOUT_MS,
  });
  return chosen.ok ? FILLED : fillFailure('VALUE_NOT_KEPT', FILL_TEXTS.optionNotKept(textOf(option)));
}
