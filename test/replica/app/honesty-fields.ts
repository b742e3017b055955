// The fields of the switched classic pages the fill report must read honestly; the switches are in `page-switches.ts`.
import { controlledText } from './controlled.ts';
import { h, onRender, scheduleRender, uid } from './dom.ts';
import { SWITCHES } from './page-switches.ts';
import { languageOptions, state } from './store.ts';

/** The words of the switched fields, per page language. */
const WORDS = {
  en: { taxId: 'Tax ID', openCalendar: 'Open calendar', chooseDate: 'Choose the date of acceptance', ok: 'OK' },
  ja: { taxId: '納税者番号', openCalendar: 'カレンダーを開く', chooseDate: '同意日を選択', ok: 'OK' },
};

/** The state a switched page starts from: the fixed market, the stuck group's default. */
export function applyHonestyDefaults(): void {
  if (SWITCHES.fixedCountry) state.values.country = 'US';
  if (SWITCHES.stuckRadios && state.values.language === '') state.values.language = 'en';
}

let taxId = '';

/** `?required=taxid`: a required text field that is in no field map. */
export function unknownRequiredField(): HTMLElement | null {
  if (!SWITCHES.unknownRequired) return null;
  const id = uid('tax-id');
  const input = controlledText({ get: () => taxId, set: (value) => (taxId = value), attributes: { id, 'aria-required': 'true' } });
  return h('div', { class: 'field' }, h('label', { for: id, class: 'ms-Label' }, `${WORDS[state.lang].taxId} *`), input);
}

/** `?fixed=country`: the Country/region dropdown shows the partner's market and takes no choice. */
export function fixCountry(root: HTMLElement): void {
  if (!SWITCHES.fixedCountry) return;
  root.setAttribute('aria-disabled', 'true');
  root.removeAttribute('tabindex');
  for (const type of ['mousedown', 'click', 'focus']) root.addEventListener(type, (event) => event.stopImmediatePropagation(), { capture: true });
}

/**
 * `?radios=…`: Language as a Fluent ChoiceGroup (`role=radiogroup` of native radios, each with its
 * `<label for>`), kept by the page's state: a click the page does not take (`stuck`) is undone on
 * the next render, as React re-applies `checked`.
 */
export function languageRadioGroup(label: string): HTMLElement {
  const labelId = uid('language-label');
  const name = uid('language');
  const group = h('div', { role: 'radiogroup', 'aria-labelledby': labelId, 'aria-required': 'true', class: 'choice-group' });
  for (const option of languageOptions()) {
    const id = uid('language-option');
    const input = h('input', { type: 'radio', id, name, value: option.key }) as HTMLInputElement;
    input.addEventListener('click', () => {
      if (!SWITCHES.stuckRadios) state.values.language = option.key;
      scheduleRender();
    });
    onRender(input, () => {
      input.checked = state.values.language === option.key;
    });
    input.checked = state.values.language === option.key;
    group.append(h('div', { class: 'choice' }, input, h('label', { for: id }, option.text)));
  }
  return h('div', { class: 'field' }, h('span', { id: labelId, class: 'ms-Label' }, `${label} *`), group);
}

/**
 * `?datepicker=readonly`: a Fluent DatePicker without text input — a read-only box that opens a
 * calendar; the date is picked there (here a native date input standing in for the calendar).
 */
export function readonlyDatePicker(label: string): HTMLElement {
  const words = WORDS[state.lang];
  const id = uid('mca-date');
  const input = h('input', { id, type: 'text', readonly: true, 'aria-readonly': 'true', role: 'combobox', 'aria-haspopup': 'dialog', 'aria-required': 'true' }) as HTMLInputElement;
  const calendar = h('div', { role: 'dialog', 'aria-label': words.chooseDate, class: 'calendar', hidden: true });
  const picker = h('input', { type: 'date', 'aria-label': words.chooseDate }) as HTMLInputElement;
  calendar.append(picker, h('button', { type: 'button', onclick: () => ((state.values.mcaDate = picker.value), (calendar.hidden = true), scheduleRender()) }, words.ok));
  input.addEventListener('click', () => (calendar.hidden = false));
  onRender(input, () => {
    const value = state.values.mcaDate;
    input.value = /^\d{4}-\d{2}-\d{2}$/.test(value) ? localeDate(value) : value;
  });
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id, class: 'ms-Label' }, `${label} *`),
    input,
    h('button', { type: 'button', class: 'link', onclick: () => (calendar.hidden = false) }, words.openCalendar),
    calendar,
  );
}

/** `2026-03-05` as the page's locale writes it: `3/5/2026`, `2026/03/05`. */
function localeDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return state.lang === 'ja' ? `${year}/${month}/${day}` : `${Number(month)}/${Number(day)}/${year}`;
}
