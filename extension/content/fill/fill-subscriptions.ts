import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import { catalogName } from '../../../shared/form/catalog-names.ts';
import type { FieldReport } from '../../../shared/form/fill-messages.ts';
import { waitFor, waitForQuiet } from '../dom/wait-for.ts';
import { fillCheckbox, isChecked } from '../fillers/checkbox.ts';
import { fillTextInput } from '../fillers/text-input.ts';
import type { FillStepOptions } from './fill-account-info.ts';
import { FILL_TEXTS } from '../fillers/fill-texts.ts';
import { findQuantityInput, revealOfferRow, rowCheckbox } from './offer-rows.ts';
import { outlineField } from './outline-field.ts';
import { readValidation } from '../fillers/read-validation.ts';

/** A ticked row's quantity box appears on the next render. */
const QUANTITY_TIMEOUT_MS = 1000;
const SETTLE_QUIET_MS = 50;
const SETTLE_MAX_MS = 1500;

interface OfferAttempt {
  offer: CustomerRecord['offers'][number];
  report: FieldReport;
  /** The row had no quantity box: nothing to read back but the tick. */
  noQuantityBox: boolean;
}

/**
 * Fills the Subscriptions step: for each offer of the record, finds its row by the id the page
 * shows — or, on a list without ids, by the same name on one row only (several rows, or one whose
 * name differs by a note: `to-check`, nothing ticked) — searching the list when it does not show it and clearing the search afterwards; ticks
 * it and types the number of licenses. Then reads every offer back from the live list. One report
 * line per offer, named as the page names it.
 */
export async function fillSubscriptions(record: CustomerRecord, options: FillStepOptions): Promise<FieldReport[]> {
  const { document, signal, uiLanguage } = options;
  const reports: FieldReport[] = [];
  const attempts: OfferAttempt[] = [];
  for (const offer of record.offers) {
    if (signal.aborted) break;
    const base = { key: 'offers' as const, label: catalogName(offer.id) ?? offer.id, offerId: offer.id };
    const revealed = await revealOfferRow(document, offer.id, signal);
    const row = revealed.found?.row;
    if (!row) {
      await revealed.clearSearch();
      // Rows whose names all fit, or one fitting but for a note: ticking could order the wrong product, so a person chooses.
      const { unsure } = revealed;
      if (unsure.length > 0) {
        const message = unsure.length === 1 ? FILL_TEXTS.offerNameNoted(unsure[0]!) : FILL_TEXTS.offerNameAmbiguous(unsure);
        reports.push({ ...base, status: 'to-check', message: message[uiLanguage] });
      }
      else reports.push({ ...base, status: 'not-found', message: FILL_TEXTS.noOfferRow(offer.id, revealed.searched.join('", "'))[uiLanguage] });
      continue;
    }
    const report: FieldReport = { ...base, label: revealed.found!.name, status: 'filled' };
    reports.push(report);
    const checkbox = rowCheckbox(row)!;
    const ticked = await fillCheckbox(checkbox, { type: 'boolean', checked: true }, { signal });
    let noQuantityBox = false;
    if (ticked.ok) {
      const quantity = await waitForQuantity(row, options);
      if (quantity) {
        const text = String(offer.quantity);
        await fillTextInput(quantity, { type: 'text', text, matches: [text] }, { signal });
      } else {
        noQuantityBox = true;
        if (offer.quantity !== 1) Object.assign(report, { status: 'not-found', message: FILL_TEXTS.noQuantityBox()[uiLanguage] });
      }
    }
    await revealed.clearSearch();
    if (report.status === 'filled') attempts.push({ offer, report, noQuantityBox });
  }
  await waitForQuiet({ signal, quietMs: SETTLE_QUIET_MS, maxMs: SETTLE_MAX_MS, root: document });
  for (const attempt of attempts) {
    if (signal.aborted) break;
    await readBackOffer(attempt, options);
  }
  return reports;
}

/** The offer's verdict from the live list: its row re-found by id, ticked, with the number of licenses meant and no error. */
async function readBackOffer({ offer, report, noQuantityBox }: OfferAttempt, options: FillStepOptions): Promise<void> {
  const { document, signal, uiLanguage } = options;
  const revealed = await revealOfferRow(document, offer.id, signal);
  const row = revealed.found?.row;
  const checkbox = row && rowCheckbox(row);
  // A row shown again by a search may draw its quantity box a render later.
  const quantity = row && checkbox && !noQuantityBox && isChecked(checkbox) ? await waitForQuantity(row, options) : null;
  const setVerdict = (status: FieldReport['status'], message: string, element?: Element | null): void => {
    Object.assign(report, { status, message });
    if (element) outlineField(element, status);
  };
  if (!row || !checkbox) setVerdict('to-check', FILL_TEXTS.noOfferRow(offer.id, revealed.searched.join('", "'))[uiLanguage]);
  else {
    const error = (quantity && readValidation(quantity, uiLanguage)) ?? readValidation(checkbox, uiLanguage);
    const shownQuantity = quantity && 'value' in quantity ? String(quantity.value) : '';
    if (error) setVerdict('rejected', error, quantity ?? checkbox);
    else if (!isChecked(checkbox)) setVerdict('to-check', FILL_TEXTS.offerNotTicked()[uiLanguage], checkbox);
    else if (!noQuantityBox && (quantity === null || Number(shownQuantity) !== offer.quantity)) {
      setVerdict('to-check', FILL_TEXTS.quantityOther(shownQuantity, String(offer.quantity))[uiLanguage], quantity ?? row);
    }
  }
  await revealed.clearSearch();
}

async function waitForQuantity(row: Element, { document, signal }: FillStepOptions): Promise<Element | null> {
  const found = await waitFor(() => findQuantityInput(row), { signal, timeoutMs: QUANTITY_TIMEOUT_MS, root: document });
  return found.ok ? found.value : null;
}
