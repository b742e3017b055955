import { WIZARD_STEP_SPECS, type WizardStep } from '../../../shared/form/field-map.ts';
import { matchesLabel } from '../../../shared/form/normalize-label.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import { textOf } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { queryDeep } from '../dom/walk-deep.ts';

export interface DetectedStep {
  step: WizardStep;
  language: Language;
}

const BUTTON_SELECTOR = 'button, [role=button], a[href], input[type=submit], input[type=button]';

/** A button's accessible name, as a person reads it. */
export function buttonName(button: Element): string {
  return button.getAttribute('aria-label') ?? (textOf(button) || (button.getAttribute('value') ?? ''));
}

/**
 * Which wizard step is showing, by the button only that step has ("Next: Subscriptions",
 * "Next: Review", "Submit", "Done", or their Japanese wording), and so which language the page
 * speaks. Null when the page shows no wizard: the content script then does nothing.
 */
export function detectStep(document: Document): DetectedStep | null {
  const buttons = queryDeep(document, BUTTON_SELECTOR).filter(isVisible);
  const names = buttons.map(buttonName);
  // Later steps first: a Confirmation page may still show a stepper naming earlier steps.
  for (const spec of [...WIZARD_STEP_SPECS].reverse()) {
    for (const language of ['en', 'ja'] as const) {
      if (names.some((name) => matchesLabel(name, spec.actionButtons[language]))) return { step: spec.step, language };
    }
  }
  return null;
}

/** The visible button named by one of `labels`, if any. */
export function findButton(document: Document, labels: readonly string[]): Element | undefined {
  return queryDeep(document, BUTTON_SELECTOR).find((button) => isVisible(button) && matchesLabel(buttonName(button), labels));
}
