import { controlledCheckbox } from './controlled.ts';
import { datePickerInput, toDateString } from './date-picker.ts';
import { h, uid } from './dom.ts';
import { dropdownV8 } from './dropdown-v8.ts';
import type { FieldKit } from './field-kit.ts';
import { textInput, withValidation } from './field-parts.ts';
import { liveText } from './live-text.ts';
import { state, strings } from './store.ts';

const required = (): HTMLElement => h('span', { class: 'ms-Label-required' }, '*');

/**
 * Fluent UI v8 throughout: `<label for>` with a required asterisk glued to the text, every list a
 * v8 Dropdown (first option chosen on a focus without mousedown; a focus trap while open), the
 * agreement date a v8 DatePicker that shows `toDateString()` once left, sections as fieldsets.
 */
export const V8_KIT: FieldKit = {
  text(field, label, options = {}) {
    const id = uid(field);
    const input = textInput(field, { id, class: 'ms-TextField-field', 'aria-required': options.required ? 'true' : undefined }, options.onBlur);
    const labelElement = liveText(h('label', { for: id, class: 'ms-Label' }, options.required ? required() : null), label);
    return withValidation(field, input, h('div', { class: 'ms-TextField field' }, labelElement, input, ...(options.extras?.(input) ?? [])));
  },
  choice(field, label, options, set) {
    const dropdown = dropdownV8({
      label,
      placeholder: strings().selectOption,
      options,
      get: () => state.values[field],
      set: set ?? ((key) => ((state.values[field] = key), state.touched.add(field))),
      required: field !== 'language',
      focusTrap: true,
    });
    return withValidation(field, dropdown.root, dropdown.field);
  },
  date(field, label) {
    const id = uid(field);
    const placeholder = state.lang === 'ja' ? '日付を選択...' : 'Select a date...';
    const input = datePickerInput(field, toDateString, { id, role: 'combobox', 'aria-haspopup': 'dialog', 'aria-required': 'true', placeholder, class: 'ms-TextField-field' });
    return withValidation(field, input, h('div', { class: 'ms-DatePicker field' }, h('label', { for: id, class: 'ms-Label' }, label, required()), input));
  },
  checkbox(label, get, set) {
    const id = uid('checkbox');
    const input = controlledCheckbox({ get, set, attributes: { id, class: 'ms-Checkbox-input' } });
    return h('div', { class: 'ms-Checkbox field checkbox-field' }, input, h('label', { for: id, class: 'ms-Checkbox-label' }, h('span', { class: 'ms-Checkbox-text' }, label)));
  },
  section(title, children) {
    const s = strings();
    if (title === s.companySection || title === s.domainSection) return h('div', { class: 'ms-Stack' }, h('h2', { class: 'section-heading' }, title), ...children);
    return h('fieldset', { class: 'ms-Fieldset' }, h('legend', { class: 'section-heading' }, title), ...children);
  },
};
