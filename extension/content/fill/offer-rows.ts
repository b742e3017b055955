import { catalogName } from '../../../shared/form/catalog-names.ts';
import { WIZARD_WORDS } from '../../../shared/form/field-map.ts';
import { matchesLabel } from '../../../shared/form/normalize-label.ts';
import { offerIdsIn, offerSearchText, shownIdNames } from '../../../shared/form/offer-ids.ts';
import { CHECKBOX_SELECTOR, CONTROL_SELECTOR, fieldNames } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { waitUntilSettled } from '../dom/wait-for.ts';
import { composedParent, queryDeep, walkDeep } from '../dom/walk-deep.ts';
import { fillTextInput } from '../fillers/text-input.ts';

/** A searched list is taken as complete once it has been still this long (a page may debounce its search). */
const LIST_QUIET_MS = 300;
const LIST_MAX_MS = 2000;

interface OfferRow {
  row: Element;
  /** The id as the page shows it (`PRODUCT:SKU`, or the whole id). */
  shownId: string;
  /** The offer's name as the page shows it. */
  name: string;
}

export interface RevealedOfferRow {
  found: OfferRow | null;
  /** What was typed into the list's search box, in order (empty when the row showed without a search). */
  searched: string[];
  /** Empties the search box again when something was typed, so the list shows every offer. */
  clearSearch: () => Promise<void>;
}

/**
 * The row of an offer, matched by the id it shows — never by name, since a page may name a
 * product differently from our catalog. When the list does not show it, the id (`PRODUCT:SKU`)
 * and then the catalog name are typed into the search box, each time until the row shows or the
 * list settles without it.
 */
export async function revealOfferRow(document: Document, offerId: string, signal: AbortSignal): Promise<RevealedOfferRow> {
  const searched: string[] = [];
  let search: Element | undefined;
  const clearSearch = async (): Promise<void> => {
    if (search && searched.length > 0) await fillTextInput(search, { type: 'text', text: '', matches: [''] }, { signal });
  };
  let found = findOfferRow(document, offerId);
  if (found) return { found, searched, clearSearch };
  search = findSearchBox(document);
  if (!search) return { found: null, searched, clearSearch };
  const name = catalogName(offerId);
  for (const text of [offerSearchText(offerId), ...(name ? [name] : [])]) {
    if (signal.aborted) break;
    searched.push(text);
    await fillTextInput(search, { type: 'text', text, matches: [text] }, { signal });
    const settled = await waitUntilSettled(() => findOfferRow(document, offerId), { signal, quietMs: LIST_QUIET_MS, timeoutMs: LIST_MAX_MS, root: document });
    found = settled.ok ? settled.value : null;
    if (found) break;
  }
  return { found, searched, clearSearch };
}

/** The row showing an id that names the offer: the nearest ancestor of that text holding exactly one checkbox. */
function findOfferRow(document: Document, offerId: string): OfferRow | null {
  for (const element of walkDeep(document)) {
    const own = ownText(element);
    if (own === '') continue;
    const shownId = offerIdsIn(own).find((id) => shownIdNames(id, offerId));
    if (!shownId || !isVisible(element)) continue;
    let current: Element | null = element;
    for (let depth = 0; current && depth < 8; depth++) {
      if (queryDeep(current, CHECKBOX_SELECTOR).length === 1) return { row: current, shownId, name: offerName(current, shownId) ?? catalogName(offerId) ?? offerId };
      current = composedParent(current);
    }
  }
  return null;
}

/** The text of an element's own text nodes (not its children's). */
function ownText(element: Element): string {
  let text = '';
  for (const node of element.childNodes) if (node.nodeType === 3) text += node.textContent ?? '';
  return text.trim();
}

/** The first text in the row that reads as a name: not the id alone, not a number, not a control's own label. */
function offerName(row: Element, shownId: string): string | null {
  const words = [...WIZARD_WORDS.licenseQuantity.en, ...WIZARD_WORDS.licenseQuantity.ja, 'Select', '選択'];
  for (const element of walkDeep(row)) {
    if (element.closest('label, button, select, option, [role=option]') || !isVisible(element)) continue;
    const text = ownText(element).replace(shownId, '').replace(/[()[\]]/g, ' ').replace(/\s+/g, ' ').trim();
    if (text.length < 2 || !/\p{L}/u.test(text) || matchesLabel(text, words)) continue;
    return text;
  }
  return null;
}

/** The offer list's search box: labelled Search (or its placeholder says so), else the page's only search input. */
function findSearchBox(document: Document): Element | undefined {
  const labels = [...WIZARD_WORDS.offerSearch.en, ...WIZARD_WORDS.offerSearch.ja];
  const inputs = queryDeep(document, 'input[type=search], input[type=text], input:not([type]), [role=searchbox]').filter(isVisible);
  return (
    inputs.find((input) => fieldNames(input).some((name) => matchesLabel(name, labels)) || matchesLabel(input.getAttribute('placeholder') ?? '', labels)) ??
    inputs.find((input) => input.matches('input[type=search], [role=searchbox]'))
  );
}

/** The number-of-licenses box of a row. */
export function findQuantityInput(row: Element): Element | null {
  const labels = [...WIZARD_WORDS.licenseQuantity.en, ...WIZARD_WORDS.licenseQuantity.ja];
  const inputs = queryDeep(row, CONTROL_SELECTOR).filter((input) => isVisible(input) && !input.matches(CHECKBOX_SELECTOR));
  return inputs.find((input) => fieldNames(input).some((name) => matchesLabel(name, labels))) ?? inputs.find((input) => input.matches('input[type=number], [role=spinbutton]')) ?? null;
}

/** The row's select checkbox. */
export function rowCheckbox(row: Element): Element | undefined {
  return queryDeep(row, CHECKBOX_SELECTOR)[0];
}

