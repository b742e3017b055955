import { isDomainAvailable } from './api.ts';
import { comboboxV9 } from './combobox-v9.ts';
import { controlledCheckbox } from './controlled.ts';
import { h, onRender, scheduleRender, uid } from './dom.ts';
import { dropdownV8 } from './dropdown-v8.ts';
import { renderDomainStatus } from './domain-status.ts';
import { RESELLERS } from './resellers.ts';
import { labelledTextField, slot, textInput, withValidation } from './field-parts.ts';
import { countryOptions, errorFor, isShown, languageOptions, postalLabel, state, stateLabel, stateOptions, strings, TEXT_FIELDS } from './store.ts';
import { shadowContactSection } from './shadow-contact-section.ts';
import { fixCountry, languageRadioGroup, readonlyDatePicker, unknownRequiredField } from './honesty-fields.ts';
import { SWITCHES } from './page-switches.ts';

let domainCheck = 0;

/** Checks the domain against the sandbox when its field is left (docs/contracts/wizard-form.md). */
export async function checkDomain(): Promise<void> {
  const prefix = state.values.domain.trim();
  if (!/^[a-z0-9]{1,63}$/i.test(prefix)) {
    state.domainStatus = 'unknown';
    return;
  }
  const check = ++domainCheck;
  state.domainStatus = 'checking';
  scheduleRender();
  const available = await isDomainAvailable(prefix);
  if (check !== domainCheck) return;
  state.domainStatus = available ? 'available' : 'taken';
  scheduleRender();
}

/** Step 1 — Account info: company, primary contact (in nested shadow roots), domain, language, GDAP, agreement. */
export function accountInfoStep(next: () => void): HTMLElement {
  const s = strings();
  const country = dropdownV8({
    label: s.country,
    placeholder: s.selectOption,
    options: countryOptions,
    get: () => state.values.country,
    set: (key) => {
      if (state.values.country !== key) state.values.state = '';
      state.values.country = key;
      state.touched.add('country');
    },
    required: true,
  });
  withValidation('country', country.root, country.field);
  fixCountry(country.root);

  const line1LabelId = uid('line1-label');
  const addressLine1 = textInput('addressLine1', { 'aria-labelledby': line1LabelId, 'aria-required': 'true' });
  const city = textInput('city', { 'aria-label': s.city, 'aria-required': 'true' });
  const postal = textInput('postal', { 'aria-required': 'true' });
  const postalText = h('div', { class: 'label-text' });
  onRender(postalText, () => {
    postalText.textContent = `${postalLabel()} *`;
  });

  const domainId = uid('domain');
  const suffixId = uid('domain-suffix');
  const statusId = uid('domain-status');
  const domain = textInput('domain', { id: domainId, 'aria-required': 'true' }, () => void checkDomain());
  const status = h('div', { id: statusId, class: 'field-status', 'aria-live': 'polite' });
  onRender(status, () => {
    renderDomainStatus(status);
    domain.setAttribute('aria-busy', String(state.domainStatus === 'checking'));
  });

  const gdap = controlledCheckbox({ get: () => state.gdap, set: (checked) => (state.gdap = checked) });
  const mcaId = uid('mca');
  const mca = controlledCheckbox({ get: () => state.mca, set: (checked) => (state.mca = checked), attributes: { id: mcaId } });

  const form = h(
    'form',
    { class: 'wizard-form', novalidate: true, onsubmit: (event: Event) => event.preventDefault() },
    h('h2', { class: 'section-heading' }, s.companySection),
    state.variant.indirect ? resellerField() : null,
    country.field,
    state.variant.unlabelledCompany
      ? unlabelledCompanyField()
      : labelledTextField('companyName', () => s.companyName, { required: true }),
    unknownRequiredField(),
    withValidation(
      'addressLine1',
      addressLine1,
      h('div', { class: 'field' }, h('span', { id: line1LabelId, class: 'ms-Label' }, s.addressLine1, h('span', { 'aria-hidden': 'true' }, ' *')), addressLine1),
    ),
    labelledTextField('addressLine2', () => s.addressLine2),
    withValidation('city', city, h('div', { class: 'field' }, h('div', { class: 'label-text', 'aria-hidden': 'true' }, `${s.city} *`), city)),
    slot(
      () => (isShown('state') ? `${state.values.country}:${stateOptions() ? 'list' : 'text'}` : ''),
      () => (isShown('state') ? stateField() : null),
    ),
    withValidation('postal', postal, h('div', { class: 'field' }, postalText, postal)),
    slot(
      () => String(isShown('registration')),
      () => (isShown('registration') ? labelledTextField('registration', () => s.registration, { required: true }) : null),
    ),
    shadowContactSection(),
    h('h2', { class: 'section-heading' }, s.domainSection),
    withValidation(
      'domain',
      domain,
      h(
        'div',
        { class: 'field' },
        h('label', { for: domainId, class: 'ms-Label' }, `${s.domain} *`),
        h('div', { class: 'domain-row' }, domain, h('span', { id: suffixId, class: 'domain-suffix' }, SWITCHES.domainSuffix)),
        status,
      ),
      [suffixId, statusId],
    ),
    SWITCHES.languageRadios
      ? languageRadioGroup(s.language)
      : comboboxV9({ label: s.language, options: languageOptions, get: () => state.values.language, set: (key) => (state.values.language = key) }),
    h('h3', { class: 'section-heading small' }, s.gdapSection),
    h('div', { class: 'field checkbox-field' }, h('label', { class: 'ms-Checkbox' }, gdap, h('span', {}, s.gdap))),
    ...(SWITCHES.showsAgreement
      ? [
          h('h2', { class: 'section-heading' }, s.agreementSection),
          h('div', { class: 'field checkbox-field' }, mca, h('label', { for: mcaId }, s.mcaAccepted)),
          slot(
            () => String(state.mca),
            () => (state.mca ? agreementFields() : null),
          ),
        ]
      : []),
    nextButton(next),
  );
  return form;
}

/** "Next: Subscriptions": shows every error first, and moves on only when there is none. */
export function nextButton(next: () => void): HTMLElement {
  return h(
    'div',
    { class: 'actions' },
    h(
      'button',
      {
        type: 'button',
        class: 'primary',
        onclick: async () => {
          for (const field of TEXT_FIELDS) if (isShown(field)) state.touched.add(field);
          if (state.domainStatus !== 'available') await checkDomain();
          scheduleRender();
          if (TEXT_FIELDS.some((field) => errorFor(field))) return;
          next();
        },
      },
      strings().nextSubscriptions,
    ),
  );
}

function stateField(): HTMLElement {
  const s = strings();
  const options = stateOptions();
  if (!options) return labelledTextField('state', stateLabel, { required: true });
  const dropdown = dropdownV8({
    label: stateLabel(),
    placeholder: s.selectOption,
    options: () => stateOptions() ?? [],
    get: () => state.values.state,
    set: (key) => {
      state.values.state = key;
      state.touched.add('state');
    },
    required: true,
  });
  return withValidation('state', dropdown.root, dropdown.field);
}

function agreementFields(): HTMLElement {
  const s = strings();
  const emailLabelId = uid('mca-email-label');
  const email = textInput('mcaEmail', { 'aria-labelledby': emailLabelId, 'aria-required': 'true' });
  const phone = textInput('mcaPhone', {});
  return h(
    'div',
    { class: 'agreement-fields' },
    SWITCHES.readonlyDate ? readonlyDatePicker(s.mcaDate) : labelledTextField('mcaDate', () => s.mcaDate, { required: true, placeholder: s.datePlaceholder }),
    labelledTextField('mcaFirstName', () => s.firstName, { required: true }),
    labelledTextField('mcaLastName', () => s.lastName, { required: true }),
    withValidation('mcaEmail', email, h('div', { class: 'field' }, h('span', { id: emailLabelId, class: 'ms-Label' }, `${s.email} *`), email)),
    withValidation('mcaPhone', phone, h('div', { class: 'field' }, h('div', { class: 'label-text' }, s.phoneOptional), phone)),
  );
}

/** Indirect providers pick the reseller from a native select (value = the reseller's tenant id). */
function resellerField(): HTMLElement {
  const s = strings();
  const id = uid('reseller');
  const select = h(
    'select',
    { id, onchange: (event: Event) => ((state.values.reseller = (event.target as HTMLSelectElement).value), scheduleRender()) },
    h('option', { value: '' }, s.directCustomer),
    ...RESELLERS.map((reseller) => h('option', { value: reseller.tenantId }, reseller.name)),
  ) as HTMLSelectElement;
  onRender(select, () => {
    if (select.value !== state.values.reseller) select.value = state.values.reseller;
  });
  return h('div', { class: 'field' }, h('label', { for: id, class: 'ms-Label' }, s.reseller), select);
}

/** The `?unlabelled=company` variant: a company name box with no label at all, only a placeholder. */
function unlabelledCompanyField(): HTMLElement {
  const input = textInput('companyName', { placeholder: 'Contoso Ltd' });
  return withValidation('companyName', input, h('div', { class: 'field' }, input));
}
