import { controlledCheckbox, controlledText } from './controlled.ts';
import { h, onRender, scheduleRender } from './dom.ts';
import type { FieldKit } from './field-kit.ts';
import { textInput, withValidation } from './field-parts.ts';
import { liveText } from './live-text.ts';
import { state, strings } from './store.ts';
import { FIELD_STYLES } from './styles.ts';

/** A web component with an open shadow root holding `children` (styles included, as Partner Center's do). */
function component(tag: string, ...children: Node[]): HTMLElement {
  const host = h(tag);
  host.attachShadow({ mode: 'open' }).append(h('style', {}, FIELD_STYLES), ...children);
  return host;
}

/** The accessible name with its required marker spelled out, as some component libraries write it. */
function accessibleName(label: string, required: boolean): string {
  return required ? `${label} ${state.lang === 'ja' ? '(必須)' : '(required)'}` : label;
}

/**
 * Web components all the way: each section a component whose shadow root holds its heading and
 * its fields, each field a component of its own (so fields sit two shadow roots deep), named only
 * by `aria-label` (the visible text is hidden from assistive technology); lists are native
 * selects, the date a native date input.
 */
export const SHADOW_KIT: FieldKit = {
  text(field, label, options = {}) {
    const input = liveText(textInput(field, { 'aria-required': options.required ? 'true' : undefined }, options.onBlur), () => accessibleName(label(), !!options.required), 'aria-label');
    const visible = liveText(h('span', { class: 'label-text', 'aria-hidden': 'true' }), () => label() + (options.required ? ' *' : ''));
    return component('pc-text-field', withValidation(field, input, h('div', { class: 'field' }, visible, input, ...(options.extras?.(input as HTMLInputElement) ?? []))));
  },
  choice(field, label, options, set) {
    const setter = set ?? ((key: string) => ((state.values[field] = key), state.touched.add(field)));
    const select = h(
      'select',
      { 'aria-label': accessibleName(label, field !== 'language'), onchange: () => (setter(select.value), scheduleRender()) },
      h('option', { value: '' }, strings().selectOption),
      ...options().map((option) => h('option', { value: option.key }, option.text)),
    ) as HTMLSelectElement;
    onRender(select, () => {
      if (select.value !== state.values[field]) select.value = state.values[field];
    });
    return component('pc-select', withValidation(field, select, h('div', { class: 'field' }, h('span', { class: 'label-text', 'aria-hidden': 'true' }, label), select)));
  },
  date(field, label) {
    const input = controlledText({
      get: () => state.values[field],
      set: (value) => (state.values[field] = value),
      onBlur: () => state.touched.add(field),
      attributes: { type: 'date', 'aria-label': accessibleName(label, true), 'aria-required': 'true' },
    });
    return component('pc-date-field', withValidation(field, input, h('div', { class: 'field' }, h('span', { class: 'label-text', 'aria-hidden': 'true' }, `${label} *`), input)));
  },
  checkbox(label, get, set) {
    const input = controlledCheckbox({ get, set, attributes: { 'aria-label': label } });
    return component('pc-checkbox', h('div', { class: 'field checkbox-field' }, input, h('span', { 'aria-hidden': 'true' }, label)));
  },
  section(title, children) {
    return component('pc-section', h('section', { class: 'card' }, h('h2', { class: 'section-heading' }, title), ...children.filter((child): child is Node => child !== null)));
  },
};
