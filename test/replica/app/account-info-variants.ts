import { SWITCHES } from './page-switches.ts';
import { h, onRender, scheduleRender, uid } from './dom.ts';
import { renderDomainStatus } from './domain-status.ts';
import { slot } from './field-parts.ts';
import type { FieldKit } from './field-kit.ts';
import { checkDomain, accountInfoStep, nextButton } from './step-account-info.ts';
import { countryOptions, isShown, languageOptions, postalLabel, REGISTRATION_COUNTRIES, state, stateLabel, stateOptions, strings } from './store.ts';
import { V8_KIT } from './kit-v8.ts';
import { V9_KIT } from './kit-v9.ts';
import { SHADOW_KIT } from './kit-shadow.ts';

/** Step 1 in the wizard version the page was opened with (`?wizard=…`). */
export function accountInfoForVariant(next: () => void): HTMLElement {
  switch (state.variant.wizard) {
    case 'v8':
      return remountOnCountryChange(() => accountInfoWithKit(V8_KIT, next));
    case 'v9':
      return accountInfoWithKit(V9_KIT, next);
    case 'shadow':
      return accountInfoWithKit(SHADOW_KIT, next);
    default:
      return accountInfoStep(next);
  }
}

/** The Account info fields in the documented order, drawn by `kit`. */
function accountInfoWithKit(kit: FieldKit, next: () => void): HTMLElement {
  const s = strings();
  const setCountry = (key: string): void => {
    if (state.values.country !== key) state.values.state = '';
    state.values.country = key;
    state.touched.add('country');
  };
  return h(
    'form',
    { class: 'wizard-form', novalidate: true, onsubmit: (event: Event) => event.preventDefault() },
    kit.section(s.companySection, [
      kit.choice('country', s.country, countryOptions, setCountry),
      kit.text('companyName', () => s.companyName, { required: true }),
      kit.text('addressLine1', () => s.addressLine1, { required: true }),
      kit.text('addressLine2', () => s.addressLine2),
      kit.text('city', () => s.city, { required: true }),
      slot(
        () => (isShown('state') ? `${state.values.country}:${stateOptions() ? 'list' : 'text'}` : ''),
        () => (!isShown('state') ? null : stateOptions() ? kit.choice('state', stateLabel(), () => stateOptions() ?? []) : kit.text('state', stateLabel, { required: true })),
      ),
      kit.text('postal', postalLabel, { required: true }),
      slot(
        () => String(isShown('registration')),
        () => (isShown('registration') ? kit.text('registration', () => s.registration, { required: true }) : null),
      ),
    ]),
    kit.section(s.contactSection, [
      kit.text('firstName', () => s.firstName, { required: true }),
      kit.text('lastName', () => s.lastName, { required: true }),
      kit.text('email', () => s.email, { required: true }),
      kit.text('phone', () => (REGISTRATION_COUNTRIES.has(state.values.country) ? s.phone : s.phoneOptional)),
    ]),
    kit.section(s.domainSection, [
      kit.text('domain', () => s.domain, { required: true, onBlur: () => void checkDomain(), extras: domainStatus }),
      kit.choice('language', s.language, languageOptions),
    ]),
    kit.section(s.gdapSection, [kit.checkbox(s.gdap, () => state.gdap, (checked) => (state.gdap = checked))]),
    kit.section(s.agreementSection, [
      kit.checkbox(s.mcaAccepted, () => state.mca, (checked) => (state.mca = checked)),
      slot(
        () => String(state.mca),
        () =>
          state.mca
            ? h(
                'div',
                { class: 'agreement-fields' },
                kit.date('mcaDate', s.mcaDate),
                kit.text('mcaFirstName', () => s.firstName, { required: true }),
                kit.text('mcaLastName', () => s.lastName, { required: true }),
                kit.text('mcaEmail', () => s.email, { required: true }),
                kit.text('mcaPhone', () => s.phoneOptional),
              )
            : null,
      ),
    ]),
    nextButton(next),
  );
}

/** The domain's fixed suffix and its availability status, as Partner Center draws them after the box. */
function domainStatus(input: HTMLInputElement): Node[] {
  const status = h('div', { id: uid('domain-status'), class: 'field-status', 'aria-live': 'polite' });
  onRender(status, () => {
    renderDomainStatus(status);
    input.setAttribute('aria-busy', String(state.domainStatus === 'checking'));
  });
  return [h('span', { class: 'domain-suffix' }, SWITCHES.domainSuffix), status];
}

/**
 * The whole step drawn anew once a country is chosen, after a round trip for the country's rules
 * (marked aria-busy meanwhile): every control is a new element, as when React re-mounts a subtree
 * with a new key. Values survive in the state; the old elements do not.
 */
function remountOnCountryChange(build: () => HTMLElement): HTMLElement {
  const host = h('div', { class: 'step-host' });
  let mountedFor = state.values.country;
  let ticket = 0;
  host.append(build());
  onRender(host, () => {
    if (mountedFor === state.values.country) return;
    mountedFor = state.values.country;
    host.setAttribute('aria-busy', 'true');
    const mine = ++ticket;
    setTimeout(() => {
      if (mine !== ticket) return;
      host.replaceChildren(build());
      host.removeAttribute('aria-busy');
      scheduleRender();
    }, 40);
  });
  return host;
}
