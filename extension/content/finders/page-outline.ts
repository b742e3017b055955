import { ACCOUNT_INFO_FIELDS, SECTION_HEADINGS, allLabels, type FormSection } from '../../../shared/form/field-map.ts';
import { matchesLabel, normalizeLabel } from '../../../shared/form/normalize-label.ts';
import { CONTROL_SELECTOR, fieldNames, RADIO_SELECTOR, radioGroupOf, textOf } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { walkDeep } from '../dom/walk-deep.ts';

/** A control on the page with the names a person reads for it and the section heading above it. */
export interface PageControl {
  element: Element;
  names: string[];
  /** The section whose heading precedes the control, or null when no known heading does. */
  section: FormSection | null;
  /** Position in document order (shadow trees included), to tell "before" from "after". */
  order: number;
}

/**
 * One pass over the page: its visible controls in document order, each with its names and the
 * section heading above it (h1–h6, role=heading, legend, or a labelled group/region/section).
 */
export function readPageOutline(root: Document): PageControl[] {
  const controls: PageControl[] = [];
  let section: FormSection | null = null;
  let order = 0;
  const seen = new Set<Element>();
  for (const walked of walkDeep(root)) {
    order++;
    const heading = headingSection(walked);
    if (heading) section = heading;
    const element = controlOf(walked);
    if (!element || seen.has(element)) continue;
    seen.add(element);
    // A listbox holding options is a popup list, not a field.
    if (element.matches('[role=listbox]') && element.querySelector('[role=option]')) continue;
    if (!isVisible(element)) continue;
    controls.push({ element, names: fieldNames(element), section, order });
  }
  return controls;
}

/** The field `element` belongs to: itself when it is a control, a radio button's group, else null. */
function controlOf(element: Element): Element | null {
  if (element.matches(RADIO_SELECTOR)) return radioGroupOf(element);
  return element.matches(CONTROL_SELECTOR) ? element : null;
}

function headingSection(element: Element): FormSection | null {
  let text: string | null = null;
  if (element.matches('h1, h2, h3, h4, h5, h6, [role=heading], legend')) text = textOf(element);
  else if (element.matches('fieldset, section, [role=group], [role=region]')) text = element.getAttribute('aria-label');
  if (!text) return null;
  const normalized = normalizeLabel(text);
  if (normalized === '') return null;
  return SECTION_LABELS.find(([, labels]) => labels.has(normalized))?.[0] ?? null;
}

/** Each section's headings, normalised once (every heading of the page is tested on every outline read). */
const SECTION_LABELS = (Object.entries(SECTION_HEADINGS) as [FormSection, (typeof SECTION_HEADINGS)[FormSection]][]).map(
  ([section, labels]): [FormSection, Set<string>] => [section, new Set(allLabels(labels).map(normalizeLabel))],
);

/** The MCA checkbox's position: agreement fields follow it when the page has no agreement heading. */
export function agreementCheckboxOrder(controls: PageControl[]): number | null {
  const spec = ACCOUNT_INFO_FIELDS.find((field) => field.key === 'mca_accepted')!;
  const labels = allLabels(spec.labels);
  const checkbox = controls.find((control) => control.names.some((name) => matchesLabel(name, labels)));
  return checkbox?.order ?? null;
}
