import { h, scheduleRender } from './dom.ts';
import { accountInfoForVariant } from './account-info-variants.ts';
import { confirmationStep, rewordedConfirmationHeading } from './step-confirmation.ts';
import { reviewStep } from './step-review.ts';
import { subscriptionsStep } from './step-subscriptions.ts';
import { resetState, state, strings, WIZARD_VARIANTS, type WizardVariant } from './store.ts';
import { pendingSubmission } from './submission.ts';
import { applyHonestyDefaults } from './honesty-fields.ts';
import { resellerRequestPage } from './reseller-request-page.ts';
import { PAGE_STYLES } from './styles.ts';

/**
 * The replica of Partner Center's Add-customer wizard (docs/contracts/wizard-form.md): a single-page app that
 * moves between steps with history.pushState, in English or Japanese (`?lang=ja` or a `/ja-jp/` path).
 */
type Step = 'account-info' | 'subscriptions' | 'review' | 'confirmation';
const STEPS: Step[] = ['account-info', 'subscriptions', 'review', 'confirmation'];

const prefix = location.pathname.startsWith('/ja-jp/') ? '/ja-jp' : '';
state.lang = new URLSearchParams(location.search).get('lang') === 'ja' || prefix === '/ja-jp' || document.documentElement.lang.startsWith('ja') ? 'ja' : 'en';
document.documentElement.lang = state.lang === 'ja' ? 'ja-JP' : 'en-US';
const query = new URLSearchParams(location.search);
const wizard = query.get('wizard') ?? 'classic';
state.variant = {
  indirect: query.get('indirect') === '1',
  unlabelledCompany: query.get('unlabelled') === 'company',
  wizard: (WIZARD_VARIANTS as readonly string[]).includes(wizard) ? (wizard as WizardVariant) : 'classic',
};
applyHonestyDefaults();
// For tests: what Submit would send right now, read in the page's own world.
(window as any).replicaSubmission = pendingSubmission;
document.head.append(h('style', {}, PAGE_STYLES));

const WIZARD_BASE = `${prefix}/dashboard/v2/customers/create`;
const CUSTOMERS = `${prefix}/dashboard/v2/customers`;
/** Customers → Request a reseller relationship, for a customer that already has a tenant. */
const RESELLER_REQUEST = `${prefix}/dashboard/v2/customers/requestresellerrelationship`;

function pathOf(step: Step): string {
  return step === 'account-info' ? WIZARD_BASE : `${WIZARD_BASE}/${step}`;
}

function stepOf(pathname: string): Step | null {
  if (pathname === WIZARD_BASE || pathname === `${WIZARD_BASE}/`) return 'account-info';
  const step = pathname.startsWith(`${WIZARD_BASE}/`) ? pathname.slice(WIZARD_BASE.length + 1) : '';
  return (STEPS as string[]).includes(step) ? (step as Step) : null;
}

function navigate(path: string): void {
  history.pushState(null, '', path + location.search);
  route();
}

function route(): void {
  const s = strings();
  const step = stepOf(location.pathname);
  const app = document.getElementById('app')!;
  window.scrollTo(0, 0);
  if (location.pathname === RESELLER_REQUEST) {
    app.replaceChildren(topBar(), resellerRequestPage());
    scheduleRender();
    return;
  }
  if (step === null) {
    app.replaceChildren(
      topBar(),
      h('main', {}, h('h1', {}, s.customers), h('a', { href: pathOf('account-info'), onclick: (event: Event) => (event.preventDefault(), resetState(), navigate(pathOf('account-info'))) }, s.addCustomer)),
    );
    return;
  }
  const content = {
    'account-info': () => accountInfoForVariant(() => navigate(pathOf('subscriptions'))),
    subscriptions: () => subscriptionsStep(() => navigate(pathOf('account-info')), () => navigate(pathOf('review'))),
    review: () => reviewStep((target) => navigate(pathOf(target)), () => navigate(pathOf('confirmation'))),
    confirmation: () => confirmationStep(() => (resetState(), navigate(CUSTOMERS))),
  }[step]();
  const stepper = h(
    'nav',
    { class: 'stepper', 'aria-label': s.pageTitle },
    h('ol', {}, ...STEPS.map((item, index) => h('li', { 'aria-current': item === step ? 'step' : undefined }, s.steps[index]!))),
  );
  const reworded = step === 'confirmation' ? rewordedConfirmationHeading() : null;
  app.replaceChildren(
    topBar(),
    h('div', { class: 'layout' }, reworded ? null : stepper, h('main', {}, h('h1', {}, s.pageTitle), h('h2', { class: 'step-title' }, reworded ?? s.steps[STEPS.indexOf(step)]!), content)),
  );
  scheduleRender();
}

function topBar(): HTMLElement {
  return h('div', { class: 'top-bar' }, 'Partner Center');
}

window.addEventListener('popstate', route);
route();
document.documentElement.dataset.replicaReady = 'true';
