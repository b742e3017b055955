import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import { ACCOUNT_INFO_FIELDS, type FieldSpec } from '../../../shared/form/field-map.ts';
import type { FieldReport, PickedFieldHint } from '../../../shared/form/fill-messages.ts';
import { recordToFormValues } from '../../../shared/form/form-values.ts';
import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import { isVisible } from '../dom/is-visible.ts';
import { waitFor, waitForQuiet } from '../dom/wait-for.ts';
import { findField } from '../finders/find-field.ts';
import { readPageOutline, type PageControl } from '../finders/page-outline.ts';
import { FILLERS, detectControlKind } from '../fillers/index.ts';
import { resolveHint } from '../pick/picked-hints.ts';
import { FILL_TEXTS } from './fill-texts.ts';
import { fixedFieldHolds, isFixedField, shownText } from './fixed-field.ts';
import { outlineField } from './outline-field.ts';
import { readValidation } from './read-validation.ts';

/** How long a field revealed by another choice is waited for (docs/contracts/wizard-form.md). */
const REVEAL_TIMEOUT_MS = 2000;
/** The page is read for validation once it has been still this long (an availability check may be in flight). */
const SETTLE_QUIET_MS = 50;
const SETTLE_MAX_MS = 1500;

export interface FillStepOptions {
  document: Document;
  signal: AbortSignal;
  pageLanguage: Language;
  /** The side panel's language, for the report's own sentences. */
  uiLanguage: Language;
  /** Fields a person pointed at before, by key. */
  hints: ReadonlyMap<CanonicalKey, PickedFieldHint>;
}

/**
 * Fills the Account info step from a record, field by field in the field map's order (choices
 * that reveal fields first), and reports each field: filled, skipped, not found or rejected.
 * Fields still needing a person are outlined. Never presses a button.
 */
export async function fillAccountInfo(record: CustomerRecord, options: FillStepOptions): Promise<FieldReport[]> {
  const { document, signal, pageLanguage, uiLanguage } = options;
  const values = recordToFormValues(record, pageLanguage);
  const revealers = new Set(ACCOUNT_INFO_FIELDS.flatMap((spec) => (spec.revealedBy ? [spec.revealedBy] : [])));
  let controls = readPageOutline(document);
  const reports: FieldReport[] = [];
  const filled: { report: FieldReport; element: Element }[] = [];

  for (const spec of ACCOUNT_INFO_FIELDS) {
    if (signal.aborted) break;
    const label = spec.labels[pageLanguage][0]!;
    const value = values[spec.key];
    if (!value) {
      reports.push({ key: spec.key, label, status: 'skipped' });
      continue;
    }
    let element = locate(spec, controls, options);
    if (!element && spec.revealedBy) {
      const revealed = await waitFor(
        () => {
          controls = readPageOutline(document);
          return locate(spec, controls, options);
        },
        { signal, timeoutMs: REVEAL_TIMEOUT_MS, root: document },
      );
      element = revealed.ok ? revealed.value : undefined;
    }
    if (!element) {
      reports.push({ key: spec.key, label, status: 'not-found' });
      continue;
    }
    if (isFixedField(element)) {
      const holds = fixedFieldHolds(element, value);
      reports.push(
        holds
          ? { key: spec.key, label, status: 'filled', message: FILL_TEXTS.fixedHolds()[uiLanguage] }
          : { key: spec.key, label, status: 'rejected', message: FILL_TEXTS.fixedOther(shownText(element))[uiLanguage] },
      );
      if (!holds) outlineField(element, 'rejected');
      continue;
    }
    const kind = detectControlKind(element, spec.kind);
    const result = await FILLERS[kind](element, value, { signal });
    if (!result.ok && result.code === 'ABORTED') break;
    const report: FieldReport = result.ok
      ? { key: spec.key, label, status: 'filled' }
      : { key: spec.key, label, status: 'rejected', message: result.message[uiLanguage] };
    reports.push(report);
    if (result.ok) filled.push({ report, element });
    else outlineField(element, 'rejected');
    if (revealers.has(spec.key)) controls = readPageOutline(document);
  }

  await waitForQuiet({ signal, quietMs: SETTLE_QUIET_MS, maxMs: SETTLE_MAX_MS, root: document });
  for (const { report, element } of filled) {
    const error = readValidation(element, uiLanguage);
    if (error === null) continue;
    report.status = 'rejected';
    report.message = error;
    outlineField(element, 'rejected');
  }
  outlineEmptyRequired(readPageOutline(document));
  return reports;
}

/** The field by its label; else where the person pointed last time (a hint never overrides a label that is found). */
function locate(spec: FieldSpec, controls: PageControl[], options: FillStepOptions): Element | undefined {
  const found = findField(spec, controls, options.pageLanguage)?.element;
  if (found) return found;
  const hint = options.hints.get(spec.key);
  if (!hint) return undefined;
  const element = resolveHint(options.document, hint);
  return element && isVisible(element) ? element : undefined;
}

/** Required fields the record had nothing for still need a person. */
function outlineEmptyRequired(controls: PageControl[]): void {
  for (const { element } of controls) {
    const required = element.hasAttribute('required') || element.getAttribute('aria-required') === 'true';
    const empty = 'value' in element ? (element as HTMLInputElement).value === '' : false;
    if (required && empty) outlineField(element, 'empty');
  }
}
