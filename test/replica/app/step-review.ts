import { callApi, describeFailure } from './api.ts';
import { h, onRender, scheduleRender } from './dom.ts';
import { countryOptions, languageOptions, state, stateOptions, strings, type CreatedCustomer } from './store.ts';
import { pendingSubmission } from './submission.ts';
import { SWITCHES } from './page-switches.ts';

/** Step 3 — Review: a read-only summary with Edit links back to steps 1 and 2, and Submit. */
export function reviewStep(edit: (step: 'account-info' | 'subscriptions') => void, submitted: () => void): HTMLElement {
  const s = strings();
  const v = state.values;
  const name = (options: { key: string; text: string }[], key: string): string => options.find((option) => option.key === key)?.text ?? key;
  const account: [string, string][] = [
    [s.country, name(countryOptions(), v.country)],
    [s.companyName, v.companyName],
    [s.addressLine1, v.addressLine1],
    [s.addressLine2, v.addressLine2],
    [s.city, v.city],
    [s.stateOther, name(stateOptions() ?? [], v.state)],
    [s.postalOther, v.postal],
    ...(v.registration ? [[s.registration, v.registration] as [string, string]] : []),
    [`${s.contactSection}: ${s.firstName}`, v.firstName],
    [`${s.contactSection}: ${s.lastName}`, v.lastName],
    [`${s.contactSection}: ${s.email}`, v.email],
    [`${s.contactSection}: ${s.phone}`, v.phone],
    [s.domain, `${v.domain}${SWITCHES.domainSuffix}`],
    [s.language, name(languageOptions(), v.language)],
    [s.gdap, state.gdap ? s.yes : s.no],
    [s.mcaAccepted, state.mca ? s.yes : s.no],
    ...(state.mca
      ? ([
          [s.mcaDate, v.mcaDate],
          [`${s.agreementSection}: ${s.firstName}`, v.mcaFirstName],
          [`${s.agreementSection}: ${s.lastName}`, v.mcaLastName],
          [`${s.agreementSection}: ${s.email}`, v.mcaEmail],
          [`${s.agreementSection}: ${s.phone}`, v.mcaPhone],
        ] as [string, string][])
      : []),
  ];
  const offers = [...state.selected].map(([id, quantity]) => [state.catalog?.find((row) => row.id === id)?.name ?? id, quantity] as [string, string]);
  const alert = h('div', { class: 'alert', role: 'alert', hidden: true });
  onRender(alert, () => {
    alert.textContent = state.submitError ?? '';
    alert.hidden = !state.submitError;
  });
  const submit = h('button', { type: 'button', class: 'primary' }, s.submit) as HTMLButtonElement;
  onRender(submit, () => {
    submit.disabled = state.submitting;
    submit.textContent = state.submitting ? s.submitting : s.submit;
  });
  submit.addEventListener('click', async () => {
    state.submitting = true;
    state.submitError = null;
    scheduleRender();
    try {
      state.created = await createCustomer();
      submitted();
    } catch (error) {
      state.submitError = error instanceof Error ? error.message : String(error);
    } finally {
      state.submitting = false;
      scheduleRender();
    }
  });
  const section = (title: string, step: 'account-info' | 'subscriptions', rows: [string, string][]): HTMLElement[] => [
    h(
      'div',
      { class: 'review-section' },
      h('h2', { class: 'section-heading' }, title),
      h('a', { href: '#', onclick: (event: Event) => (event.preventDefault(), edit(step)) }, s.edit),
    ),
    h('dl', { class: 'review' }, ...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value || '—')])),
  ];
  return h(
    'div',
    { class: 'wizard-form' },
    ...section(s.reviewAccount, 'account-info', account),
    ...section(s.reviewSubscriptions, 'subscriptions', offers.length ? offers : [[s.noOffers, '']]),
    alert,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => edit('subscriptions') }, s.back), submit),
  );
}

/** What Partner Center does on Submit: the customer, then the agreement attestation, then the orders. */
async function createCustomer(): Promise<CreatedCustomer> {
  const submission = pendingSubmission();
  const created = await callApi('POST', '/v1/customers', submission.customer);
  if (created.status !== 201 && created.status !== 200) throw new Error(describeFailure(created));
  const customerId: string = created.json.id;
  if (submission.agreement) {
    const templates = await callApi('GET', '/v1/agreements?agreementType=MicrosoftCustomerAgreement');
    const { dateAgreed, ...primaryContact } = submission.agreement;
    const agreed = await callApi('POST', `/v1/customers/${customerId}/agreements`, {
      primaryContact,
      dateAgreed,
      templateId: templates.json.items[0].templateId,
      type: 'MicrosoftCustomerAgreement',
    });
    if (agreed.status !== 201) throw new Error(describeFailure(agreed));
  }
  const chosen = [...state.selected].map(([id, quantity]) => ({ row: state.catalog!.find((row) => row.id === id)!, quantity: Number(quantity) }));
  const licences = chosen.filter(({ row }) => row.kind !== 'legacy');
  if (licences.length > 0) {
    const cart = await callApi('POST', `/v1/customers/${customerId}/carts`, {
      lineItems: licences.map(({ row, quantity }, index) => ({
        id: index,
        catalogItemId: row.id,
        quantity,
        billingCycle: 'monthly',
        ...(row.kind === 'azure-plan' ? {} : { termDuration: 'P1M' }),
      })),
    });
    if (cart.status !== 201) throw new Error(describeFailure(cart));
    const checkout = await callApi('POST', `/v1/customers/${customerId}/carts/${cart.json.id}/checkout`, {});
    if (checkout.status !== 201 && checkout.status !== 200) throw new Error(describeFailure(checkout));
  }
  const legacy = chosen.filter(({ row }) => row.kind === 'legacy');
  if (legacy.length > 0) {
    const order = await callApi('POST', `/v1/customers/${customerId}/orders`, {
      lineItems: legacy.map(({ row, quantity }, index) => ({ lineItemNumber: index, offerId: row.id, quantity })),
    });
    if (order.status !== 201) throw new Error(describeFailure(order));
  }
  return { customerId, adminUser: created.json.userCredentials.userName, password: created.json.userCredentials.password };
}
