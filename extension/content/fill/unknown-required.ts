import { ACCOUNT_INFO_FIELDS, allLabels, UNKNOWN_FIELD_KEY } from '../../../shared/form/field-map.ts';
import type { FieldReport } from '../../../shared/form/fill-messages.ts';
import { normalizeLabel } from '../../../shared/form/normalize-label.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import type { PageControl } from '../finders/page-outline.ts';
import { FILL_TEXTS } from '../fillers/fill-texts.ts';
import { isFixedField } from './fixed-field.ts';
import { outlineField } from './outline-field.ts';
import { readControl, shownAsText } from './read-control.ts';

/** Every label of the field map, normalised once (this runs after every fill). */
const KNOWN_LABELS = new Set(ACCOUNT_INFO_FIELDS.flatMap((spec) => allLabels(spec.labels)).map(normalizeLabel));
/** A label's required marker: `*`, "(required)", "(必須)". */
const REQUIRED_MARK = /[*＊]\s*:?\s*$|\((required|必須)\)/iu;

/**
 * Required fields that no field-map entry names — a wizard version with a new "Tax ID": pc-onboard
 * cannot fill them, so each is reported `to-check` under the label the page shows and outlined,
 * and the step is never reported complete while one is there. `handled` are the controls the fill
 * took for known fields (found by a remembered pick when their label is unknown).
 */
export function reportUnknownRequired(controls: PageControl[], handled: ReadonlySet<Element>, uiLanguage: Language): FieldReport[] {
  const reports: FieldReport[] = [];
  for (const { element, names } of controls) {
    if (handled.has(element) || isFixedField(element) || !isRequired(element, names)) continue;
    if (names.some((name) => KNOWN_LABELS.has(normalizeLabel(name)))) continue;
    const shown = readControl(element);
    const held = shown.kind === 'checkbox' ? shown.checked : shown.text.trim() !== '';
    const label = (names[0] ?? '').replace(REQUIRED_MARK, '').trim() || element.getAttribute('name') || '?';
    reports.push({
      key: UNKNOWN_FIELD_KEY,
      label,
      status: 'to-check',
      message: (held ? FILL_TEXTS.unknownRequiredHeld(shownAsText(shown)) : FILL_TEXTS.unknownRequiredEmpty())[uiLanguage],
    });
    outlineField(element, 'to-check');
  }
  return reports;
}

function isRequired(element: Element, names: readonly string[]): boolean {
  return (
    element.hasAttribute('required') ||
    element.getAttribute('aria-required') === 'true' ||
    element.querySelector('input[required]') !== null ||
    names.some((name) => REQUIRED_MARK.test(name))
  );
}
