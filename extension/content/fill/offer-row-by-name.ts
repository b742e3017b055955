import { offerIdsIn } from '../../../shared/form/offer-ids.ts';
import { offerNameFits, type NameFit } from '../../../shared/form/offer-names.ts';
import { CHECKBOX_SELECTOR, textOf } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { composedParent, queryDeep, walkDeep } from '../dom/walk-deep.ts';

/** An offer row as the page draws it: the element holding one select checkbox, and the offer's name on it. */
export interface ListedOffer {
  row: Element;
  /** The offer's name as the page shows it. */
  name: string;
}

/** A row that may be the offer on a list without ids, and how its name fits ours. */
export interface NamedOffer extends ListedOffer {
  fit: NameFit;
}

/** The text of an element's own text nodes (not its children's). */
export function ownText(element: Element): string {
  let text = '';
  for (const node of element.childNodes) if (node.nodeType === 3) text += node.textContent ?? '';
  return text.trim();
}

/** The row around a text of the list: its nearest ancestor holding exactly one checkbox. */
export function rowAround(element: Element): Element | null {
  let current: Element | null = element;
  for (let depth = 0; current && depth < 8; depth++) {
    if (queryDeep(current, CHECKBOX_SELECTOR).length === 1) return current;
    current = composedParent(current);
  }
  return null;
}

/**
 * The rows that may be the offer on a list that shows no ids (docs/wizard-filling.md): a visible
 * name on the row fits our catalog name (`offerNameFits`), and the row shows no offer id at all — a
 * row with an id is matched by it or not at all. Several rows mean the page's names do not tell
 * which one it is, and a name fitting but for a note may be another product: the caller asks a
 * person instead of choosing.
 */
export function offerRowsByName(root: Document, offerId: string): NamedOffer[] {
  const fits = offerNameFits(offerId);
  const found = new Map<Element, NamedOffer>();
  if (!fits) return [];
  for (const element of walkDeep(root)) {
    const text = ownText(element);
    if (text === '' || element.closest('label, button, select, option, [role=option]')) continue;
    const fit = fits(text);
    if (!fit || !isVisible(element)) continue;
    const row = rowAround(element);
    if (row && !found.has(row) && offerIdsIn(textOf(row)).length === 0) found.set(row, { row, name: text, fit });
  }
  return [...found.values()];
}
