import { catalogName } from '../../../shared/form/catalog-names.ts';
import { WIZARD_WORDS } from '../../../shared/form/field-map.ts';
import { matchesLabel } from '../../../shared/form/normalize-label.ts';
import { offerIdsIn, offerSearchText, shownIdNames } from '../../../shared/form/offer-ids.ts';
import { catalogBaseName } from '../../../shared/form/offer-names.ts';
import { CHECKBOX_SELECTOR, CONTROL_SELECTOR, fieldNames } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { waitUntilSettled } from '../dom/wait-for.ts';
import { queryDeep, walkDeep } from '../dom/walk-deep.ts';
import { fillTextInput } from '../fillers/text-input.ts';
import { offerRowsByName, ownText, rowAround, type ListedOffer } from './offer-row-by-name.ts';

/** A searched list is taken as complete once it has been still this long (a page may debounce its search). */
const LIST_QUIET_MS = 300;
const LIST_MAX_MS = 2000;

interface OfferRow extends ListedOffer {
  /** The id as the page shows it (`PRODUCT:SKU`, or the whole id); empty for a row taken by its name. */
  shownId: string;
}

export interface RevealedOfferRow {
  found: OfferRow | null;
  /**
   * On a list without ids, rows that could be the offer but are not taken, by the names they show:
   * two or more that fit, or the only one, fitting but for a note in brackets.
   */
  unsure: string[];
  /** What was typed into the list's search box, in order (empty when the row showed without a search). */
  searched: string[];
  /** Empties the search box again when something was typed, so the list shows every offer. */
  clearSearch: () => Promise<void>;
}

/**
 * The row of an offer, matched by the id it shows: a page may name a product differently from our
 * catalog, but an id is an id. When the list does not show it, the id (`PRODUCT:SKU`), the catalog
 * name and that name without its bracketed note are typed into the search box, each time until the
 * row shows or the list settles without it. Only a list that shows no ids is matched by name, once
 * it is still (`offerRowsByName`): one row of the same name is taken; several, or one fitting but
 * for a note, are `unsure`.
 */
export async function revealOfferRow(document: Document, offerId: string, signal: AbortSignal): Promise<RevealedOfferRow> {
  const searched: string[] = [];
  let search: Element | undefined;
  const clearSearch = async (): Promise<void> => {
    if (search && searched.length > 0) await fillTextInput(search, { type: 'text', text: '', matches: [''] }, { signal });
  };
  const found = findOfferRow(document, offerId);
  if (found) return { found, unsure: [], searched, clearSearch };
  search = findSearchBox(document);
  if (!search) return { ...byName(document, offerId), searched, clearSearch };
  const name = catalogName(offerId);
  const baseName = catalogBaseName(offerId);
  for (const text of [offerSearchText(offerId), ...(name ? [name] : []), ...(baseName ? [baseName] : [])]) {
    if (signal.aborted) break;
    searched.push(text);
    await fillTextInput(search, { type: 'text', text, matches: [text] }, { signal });
    const settled = await waitUntilSettled(() => findOfferRow(document, offerId), { signal, quietMs: LIST_QUIET_MS, timeoutMs: LIST_MAX_MS, root: document });
    if (settled.ok) return { found: settled.value, unsure: [], searched, clearSearch };
    const named = byName(document, offerId);
    if (named.found || named.unsure.length > 0) return { ...named, searched, clearSearch };
  }
  return { found: null, unsure: [], searched, clearSearch };
}

/** The offer's row on a still list without ids, by its name: the one row of the same name, or the names of those a person must choose from. */
function byName(document: Document, offerId: string): Pick<RevealedOfferRow, 'found' | 'unsure'> {
  const rows = offerRowsByName(document, offerId);
  const only = rows.length === 1 ? rows[0]! : undefined;
  if (only?.fit === 'same') return { found: { row: only.row, name: only.name, shownId: '' }, unsure: [] };
  return { found: null, unsure: rows.map((row) => row.name) };
}

/** The row showing an id that names the offer: the nearest ancestor of that text holding exactly one checkbox. */
function findOfferRow(document: Document, offerId: string): OfferRow | null {
  for (const element of walkDeep(document)) {
    const own = ownText(element);
    if (own === '') continue;
    const shownId = offerIdsIn(own).find((id) => shownIdNames(id, offerId));
    if (!shownId || !isVisible(element)) continue;
    const row = rowAround(element);
    if (row) return { row, shownId, name: offerName(row, shownId) ?? catalogName(offerId) ?? offerId };
  }
  return null;
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

