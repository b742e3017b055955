import type { FieldSpec } from '../../../shared/form/field-map.ts';
import { matchesLabel } from '../../../shared/form/normalize-label.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import { CHECKBOX_SELECTOR } from '../dom/field-names.ts';
import { agreementCheckboxOrder, type PageControl } from './page-outline.ts';


/**
 * Finds the control of one field the way a person does: by its label (page language first, then
 * the other), of a fitting kind, in the right section. Labels repeat across sections ("First
 * name"), so the section decides: the heading above the control, or, when the page has no known
 * heading, its place before or after the agreement checkbox.
 */
export function findField(spec: FieldSpec, controls: PageControl[], pageLanguage: Language): PageControl | undefined {
  const otherLanguage: Language = pageLanguage === 'en' ? 'ja' : 'en';
  const wantsCheckbox = spec.kind === 'checkbox';
  const ofKind = controls.filter((control) => control.element.matches(CHECKBOX_SELECTOR) === wantsCheckbox);
  for (const labels of [spec.labels[pageLanguage], spec.labels[otherLanguage]]) {
    const matching = ofKind.filter((control) => control.names.some((name) => matchesLabel(name, labels)));
    if (matching.length === 0) continue;
    return pickBySection(spec, matching, controls);
  }
  return undefined;
}

function pickBySection(spec: FieldSpec, matching: PageControl[], controls: PageControl[]): PageControl | undefined {
  const inSection = matching.filter((control) => control.section === spec.section);
  if (inSection.length > 0) return inSection[0];
  const agreementStart = spec.key === 'mca_accepted' ? null : agreementCheckboxOrder(controls);
  switch (spec.section) {
    case 'agreement':
      if (spec.key === 'mca_accepted') return matching[0];
      return agreementStart === null ? undefined : matching.find((control) => control.order > agreementStart);
    case 'primary-contact':
      return matching.find((control) => control.section !== 'agreement' && (agreementStart === null || control.order < agreementStart));
    case 'company':
      return matching.find((control) => control.section !== 'agreement') ?? matching[0];
  }
}
