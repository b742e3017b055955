import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import { catalogName } from '../../../shared/form/catalog-names.ts';
import { WIZARD_WORDS } from '../../../shared/form/field-map.ts';
import type { FieldReport } from '../../../shared/form/fill-messages.ts';
import { matchesLabel, normalizeLabel } from '../../../shared/form/normalize-label.ts';
import { CHECKBOX_SELECTOR, CONTROL_SELECTOR, fieldNames, textOf } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { waitFor } from '../dom/wait-for.ts';
import { composedParent, queryDeep, walkDeep } from '../dom/walk-deep.ts';
import { fillCheckbox } from '../fillers/checkbox.ts';
import { fillTextInput } from '../fillers/text-input.ts';
import type { FillStepOptions } from './fill-account-info.ts';
import { FILL_TEXTS } from './fill-texts.ts';
import { outlineField } from './outline-field.ts';
import { readValidation } from './read-validation.ts';

const ROW_TIMEOUT_MS = 2000;
const QUANTITY_TIMEOUT_MS = 1000;

/**
 * Fills the Subscriptions step: for each offer of the record, ticks its row (found by the offer's
 * id or catalog name, after typing it into the search box when the list does not show it) and
 * types the number of licenses. One report line per offer.
 */
export async function fillSubscriptions(record: CustomerRecord, options: FillStepOptions): Promise<FieldReport[]> {
  const { document, signal, uiLanguage } = options;
  const reports: FieldReport[] = [];
  for (const offer of record.offers) {
    if (signal.aborted) break;
    const name = catalogName(offer.id) ?? offer.id;
    const base = { key: 'offers' as const, label: name, offerId: offer.id };
    let row = findOfferRow(document, offer.id, name);
    if (!row) row = await searchForOffer(document, offer.id, name, options);
    if (!row) {
      reports.push({ ...base, status: 'not-found', message: FILL_TEXTS.noOfferRow(offer.id)[uiLanguage] });
      continue;
    }
    const checkbox = queryDeep(row, CHECKBOX_SELECTOR)[0];
    if (!checkbox) {
      reports.push({ ...base, status: 'not-found', message: FILL_TEXTS.noOfferCheckbox()[uiLanguage] });
      continue;
    }
    const ticked = await fillCheckbox(checkbox, { type: 'boolean', checked: true }, { signal });
    if (!ticked.ok) {
      reports.push({ ...base, status: 'rejected', message: ticked.message[uiLanguage] });
      continue;
    }
    const quantity = await waitFor(() => findQuantityInput(row), { signal, timeoutMs: QUANTITY_TIMEOUT_MS, root: document });
    if (!quantity.ok) {
      reports.push({ ...base, status: offer.quantity === 1 ? 'filled' : 'not-found', message: FILL_TEXTS.noQuantityBox()[uiLanguage] });
      continue;
    }
    const text = String(offer.quantity);
    const typed = await fillTextInput(quantity.value, { type: 'text', text, matches: [text] }, { signal });
    const error = typed.ok ? readValidation(quantity.value, uiLanguage) : typed.message[uiLanguage];
    if (error) outlineField(quantity.value, 'rejected');
    reports.push(error ? { ...base, status: 'rejected', message: error } : { ...base, status: 'filled' });
  }
  return reports;
}

/** The row of an offer: the nearest ancestor of its id or name text that holds a checkbox. */
function findOfferRow(document: Document, offerId: string, name: string): Element | null {
  const id = normalizeLabel(offerId);
  const wanted = new Set([id, normalizeLabel(name)]);
  for (const element of walkDeep(document)) {
    if (element.children.length > 3 || !isVisible(element)) continue;
    const text = normalizeLabel(textOf(element));
    // The name alone, the id alone, or a cell that carries the id among other words ("Name (ID)").
    if (!wanted.has(text) && !(text.length < 200 && text.includes(id))) continue;
    let current: Element | null = element;
    for (let depth = 0; current && depth < 6; depth++) {
      if (queryDeep(current, CHECKBOX_SELECTOR).length === 1) return current;
      current = composedParent(current);
    }
  }
  return null;
}

async function searchForOffer(document: Document, offerId: string, name: string, options: FillStepOptions): Promise<Element | null> {
  const labels = [...WIZARD_WORDS.offerSearch.en, ...WIZARD_WORDS.offerSearch.ja];
  const search = queryDeep(document, 'input[type=search], input[type=text], input:not([type]), [role=searchbox]').find(
    (input) => isVisible(input) && (fieldNames(input).some((name) => matchesLabel(name, labels)) || matchesLabel(input.getAttribute('placeholder') ?? '', labels)),
  );
  if (!search) return null;
  await fillTextInput(search, { type: 'text', text: name, matches: [name] }, { signal: options.signal });
  const found = await waitFor(() => findOfferRow(document, offerId, name), { signal: options.signal, timeoutMs: ROW_TIMEOUT_MS, root: document });
  return found.ok ? found.value : null;
}

function findQuantityInput(row: Element): Element | null {
  const labels = [...WIZARD_WORDS.licenseQuantity.en, ...WIZARD_WORDS.licenseQuantity.ja];
  const inputs = queryDeep(row, CONTROL_SELECTOR).filter((input) => isVisible(input) && !input.matches(CHECKBOX_SELECTOR));
  return inputs.find((input) => fieldNames(input).some((name) => matchesLabel(name, labels))) ?? inputs.find((input) => input.matches('input[type=number], [role=spinbutton]')) ?? null;
}
