import { WIZARD_STEP_SPECS, type WizardStep } from '../../../shared/form/field-map.ts';
import { matchesLabel } from '../../../shared/form/normalize-label.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import { textOf } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { queryDeep } from '../dom/walk-deep.ts';
import { findAdminSection } from './admin-section.ts';

export interface DetectedStep {
  step: WizardStep;
  language: Language;
}

const BUTTON_SELECTOR = 'button, [role=button], a[href], input[type=submit], input[type=button]';

/** A button's accessible name, as a person reads it. */
function buttonName(button: Element): string {
  return button.getAttribute('aria-label') ?? (textOf(button) || (button.getAttribute('value') ?? ''));
}

/**
 * Which wizard step is showing, by the button only that step has ("Next: Subscriptions",
 * "Next: Review", "Submit", "Done", or their Japanese wording), and so which language the page
 * speaks; else by the stepper; else — for the Confirmation, and only when `afterReview` (the page
 * showed Review last, as the Confirmation follows Submit) — by the section showing the new admin
 * account. Null when the page shows no wizard: the content script then does nothing.
 */
export function detectStep(document: Document, afterReview = false): DetectedStep | null {
  const buttons = queryDeep(document, BUTTON_SELECTOR).filter(isVisible);
  const names = buttons.map(buttonName);
  // Later steps first: a Confirmation page may still show a stepper naming earlier steps.
  for (const spec of [...WIZARD_STEP_SPECS].reverse()) {
    for (const language of ['en', 'ja'] as const) {
      if (names.some((name) => matchesLabel(name, spec.actionButtons[language]))) return { step: spec.step, language };
    }
  }
  return detectStepByName(document) ?? (afterReview ? detectConfirmationBySection(document) : null);
}

/**
 * `detectStep` over one page's life: remembers the last step recognised, so that an admin account
 * section counts as the Confirmation only on the page that showed Review before it — never on a
 * user form elsewhere in the dashboard (Users → Add user, reset password).
 */
export function createStepDetector(): (document: Document) => DetectedStep | null {
  let last: WizardStep | null = null;
  return (document) => {
    const detected = detectStep(document, last === 'review' || last === 'confirmation');
    // Leaving the Confirmation (to the customer list, then perhaps Users) ends it; a blank moment between Review and the Confirmation does not.
    if (detected || last === 'confirmation') last = detected?.step ?? null;
    return detected;
  };
}

/** A Confirmation page worded unlike any we know (heading, closing button): recognised by its admin account section. */
function detectConfirmationBySection(document: Document): DetectedStep | null {
  const section = findAdminSection(document);
  return section && { step: 'confirmation', language: section.language };
}

/**
 * The fallback when no step button reads as documented: only on a page that shows the wizard's
 * stepper (at least three step names), the current step (`aria-current="step"`), else a heading
 * that is exactly a step's name. Without a stepper a "Subscriptions" heading is some other page.
 */
function detectStepByName(document: Document): DetectedStep | null {
  const visible = (selector: string): string[] => queryDeep(document, selector).filter(isVisible).map(textOf);
  const leaves = queryDeep(document, 'li, [role=tab], [role=listitem], a, span, div')
    .filter((element) => element.children.length === 0 || element.matches('li, [role=tab], [role=listitem]'))
    .map(textOf);
  for (const language of ['en', 'ja'] as const) {
    const shown = WIZARD_STEP_SPECS.filter((spec) => leaves.some((text) => matchesLabel(text, spec.names[language])));
    if (shown.length < 3) continue;
    for (const texts of [visible('[aria-current=step]'), visible('h1, h2, h3, [role=heading]')]) {
      const current = WIZARD_STEP_SPECS.find((spec) => texts.some((text) => matchesLabel(text, spec.names[language])));
      if (current) return { step: current.step, language };
    }
  }
  return null;
}
