import { comboboxV9 } from './combobox-v9.ts';
import { controlledCheckbox } from './controlled.ts';
import { datePickerInput, longDate } from './date-picker.ts';
import { h, uid } from './dom.ts';
import { dropdownV9 } from './dropdown-v9.ts';
import type { FieldKit } from './field-kit.ts';
import { textInput, withValidation } from './field-parts.ts';
import { liveText } from './live-text.ts';
import { state, strings } from './store.ts';

const required = (): HTMLElement => h('span', { class: 'fui-Label__required', 'aria-hidden': 'true' }, ' *');

/**
 * Fluent UI v9 throughout: fields with a hidden required marker, Country/region and Language as
 * editable comboboxes and State as a Dropdown button, each listing its options in a portal named by
 * `aria-controls`; the date picker named by `aria-labelledby` and showing a long date once left
 * (`March 5, 2026`, `2026年3月5日`); sections as labelled regions.
 */
export const V9_KIT: FieldKit = {
  text(field, label, options = {}) {
    const id = uid(field);
    const input = textInput(field, { id, class: 'fui-Input__input', 'aria-required': options.required ? 'true' : undefined }, options.onBlur);
    const labelElement = liveText(h('label', { for: id, class: 'fui-Label' }, options.required ? required() : null), label);
    return withValidation(field, input, h('div', { class: 'fui-Field field' }, labelElement, h('span', { class: 'fui-Input' }, input), ...(options.extras?.(input) ?? [])));
  },
  choice(field, label, options, set) {
    const setter = set ?? ((key: string) => ((state.values[field] = key), state.touched.add(field)));
    if (field === 'state') {
      const dropdown = dropdownV9({ label, placeholder: strings().selectOption, options, get: () => state.values[field], set: setter, required: true });
      return withValidation(field, dropdown.root, dropdown.field);
    }
    const container = comboboxV9({ label, options, get: () => state.values[field], set: setter });
    return withValidation(field, container.querySelector('input')!, container);
  },
  date(field, label) {
    const labelId = uid('date-label');
    const placeholder = state.lang === 'ja' ? '日付を選択...' : 'Select a date...';
    const input = datePickerInput(field, longDate, { 'aria-labelledby': labelId, 'aria-required': 'true', placeholder, class: 'fui-Input__input' });
    return withValidation(field, input, h('div', { class: 'fui-Field field' }, h('span', { id: labelId, class: 'fui-Label' }, label, required()), input));
  },
  checkbox(label, get, set) {
    const labelId = uid('checkbox-label');
    const input = controlledCheckbox({ get, set, attributes: { 'aria-labelledby': labelId, class: 'fui-Checkbox__input' } });
    return h('div', { class: 'fui-Checkbox field checkbox-field' }, input, h('span', { id: labelId, class: 'fui-Checkbox__label' }, label));
  },
  section(title, children) {
    return h('div', { role: 'region', 'aria-label': title, class: 'fui-Card' }, h('h3', { class: 'section-heading' }, title), ...children);
  },
};
