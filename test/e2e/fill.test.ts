import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../shared/customer/customer-record.ts';
import type { FillReport } from '../../shared/form/fill-messages.ts';
import { launchWithExtension, ROOT, type LaunchedExtension } from './support/launch-extension.ts';
import { routeReplica, WIZARD_URL, type ReplicaBackend } from './support/replica-routing.ts';

/**
 * The single-customer fill end to end: the built extension in real Chromium, the wizard replica
 * served at the production dashboard URL, Partner Center = the sandbox. A person fills the side
 * panel, presses "Fill page", walks to Review and submits; the sandbox must hold exactly the record.
 */
// The extension APIs, inside serviceWorker.evaluate() callbacks.
declare const chrome: any;

const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
// A fixed past date: the agreement date may not be in the future.
const AGREED = '2026-03-05';

let launched: LaunchedExtension;
let backend: ReplicaBackend;

beforeAll(async () => {
  launched = await launchWithExtension();
  backend = await routeReplica(launched.context);
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await launched?.close();
  await backend?.close();
});

async function openWizard(lang: 'en' | 'ja', variant = ''): Promise<Page> {
  const page = await launched.context.newPage();
  const query = new URLSearchParams(variant);
  if (lang === 'ja') query.set('lang', 'ja');
  await page.goto(query.size > 0 ? `${WIZARD_URL}?${query}` : WIZARD_URL);
  await page.locator('html[data-replica-ready]').waitFor({ timeout: 15_000 });
  return page;
}

/** Sends any content-script message from the extension's service worker and returns the reply. */
async function sendFromServiceWorker(serviceWorker: Worker, message: unknown): Promise<any> {
  return serviceWorker.evaluate(async (sent) => {
    const [tab] = await chrome.tabs.query({ url: 'https://partner.microsoft.com/*' });
    return chrome.tabs.sendMessage(tab!.id!, sent);
  }, message);
}

/** Sends the content script's `fill` message from the extension's service worker, as the side panel does. */
async function fillFromServiceWorker(serviceWorker: Worker, record: CustomerRecord): Promise<FillReport> {
  return serviceWorker.evaluate(async (message) => {
    const [tab] = await chrome.tabs.query({ url: 'https://partner.microsoft.com/*' });
    return chrome.tabs.sendMessage(tab!.id!, message);
  }, { type: 'fill', record, language: 'en' });
}

const baseRecord: CustomerRecord = {
  company_name: 'Contoso Fill Ltd',
  domain: 'contosofill1',
  country: 'US',
  address_line1: '1 Microsoft Way',
  address_line2: 'Building 92',
  city: 'Redmond',
  state: 'WA',
  postal_code: '98052',
  contact_first_name: 'Ana',
  contact_last_name: 'Lopez',
  contact_email: 'ana@contoso.example',
  contact_phone: '+14255550101',
  culture: 'en-US',
  language: 'en',
  offers: [],
  term: 'P1M',
  billing_cycle: 'monthly',
  gdap_opt_in: false,
  mca: { date: AGREED, first_name: 'Bo', last_name: 'Li', email: 'bo@contoso.example', phone: '+14255550102' },
};

describe('content script on the replica (message from the service worker)', () => {
  it('should fill every Account info field it has a value for within 300 ms and report each one', async () => {
    const page = await openWizard('en');
    const report = await fillFromServiceWorker(launched.serviceWorker, baseRecord);
    expect(report.step).toBe('account-info');
    const statuses = Object.fromEntries(report.fields.map((field) => [field.key, field.status]));
    expect(statuses).toEqual({
      associated_partner_id: 'skipped',
      country: 'filled',
      company_name: 'filled',
      address_line1: 'filled',
      address_line2: 'filled',
      city: 'filled',
      state: 'filled',
      postal_code: 'filled',
      organization_registration_number: 'skipped',
      contact_first_name: 'filled',
      contact_last_name: 'filled',
      contact_email: 'filled',
      contact_phone: 'filled',
      domain: 'filled',
      language: 'filled',
      gdap_opt_in: 'filled',
      mca_accepted: 'filled',
      mca_date: 'filled',
      mca_first_name: 'filled',
      mca_last_name: 'filled',
      mca_email: 'filled',
      mca_phone: 'filled',
    });
    expect(report.durationMs).toBeLessThanOrEqual(300);
    // Duplicate labels: the agreement's First name got the signer, the contact's the contact.
    await expect(page.locator('pc-field-group').getByLabel('First name *').inputValue()).resolves.toBe('Ana');
    await expect(page.locator('.agreement-fields').getByLabel('First name *').inputValue()).resolves.toBe('Bo');
    await page.close();
  });

  it('should report the domain as rejected with the page message when it is taken', async () => {
    const page = await openWizard('en');
    const report = await fillFromServiceWorker(launched.serviceWorker, { ...baseRecord, domain: 'taken', mca: undefined });
    const domain = report.fields.find((field) => field.key === 'domain');
    expect(domain).toMatchObject({ status: 'rejected', message: 'This domain name is not available. Choose another one.' });
    const outline = await page.getByLabel('Domain name *').evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).toBe('solid');
    await page.close();
  });

  it('should choose the indirect reseller in a native select by its tenant id', async () => {
    const page = await openWizard('en', 'indirect=1');
    const resellerId = '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
    const report = await fillFromServiceWorker(launched.serviceWorker, { ...baseRecord, associated_partner_id: resellerId });
    expect(report.fields.find((field) => field.key === 'associated_partner_id')).toMatchObject({ status: 'filled' });
    expect(await page.getByLabel('Indirect reseller').inputValue()).toBe(resellerId);
    await page.close();
  });

  it('should let the person point at a field it could not find, and find it there next time', async () => {
    const page = await openWizard('en', 'unlabelled=company');
    const first = await fillFromServiceWorker(launched.serviceWorker, baseRecord);
    expect(first.fields.find((field) => field.key === 'company_name')).toMatchObject({ status: 'not-found', label: 'Company name' });

    const picking = sendFromServiceWorker(launched.serviceWorker, { type: 'pick-field', key: 'company_name', label: 'Company name' });
    await page.getByText('Click the "Company name" field on the page (Esc to cancel)').waitFor({ timeout: 10_000 });
    await page.getByPlaceholder('Contoso Ltd').click();
    await expect(picking).resolves.toEqual({ ok: true, key: 'company_name' });

    const second = await fillFromServiceWorker(launched.serviceWorker, baseRecord);
    expect(second.fields.find((field) => field.key === 'company_name')).toMatchObject({ status: 'filled' });
    expect(await page.getByPlaceholder('Contoso Ltd').inputValue()).toBe(baseRecord.company_name);
    await launched.serviceWorker.evaluate(() => chrome.storage.local.remove('pickedFieldHints'));
    await page.close();
  });
});

interface PanelCase {
  lang: 'en' | 'ja';
  /** What a person types into the side panel, by the field's English label. */
  panel: Record<string, string>;
  checkboxes: Record<string, boolean>;
  expectedCustomer: Record<string, unknown>;
  expectedAgreement?: Record<string, unknown>;
  expectedCart: { catalogItemId: string; quantity: number }[];
}

const cases: PanelCase[] = [
  {
    lang: 'en',
    panel: {
      'Company name': 'Northwind Traders',
      'Country/region': 'US',
      'Address line 1': '1 Microsoft Way',
      City: 'Redmond',
      'State/province': 'WA',
      'Postal code': '98052',
      'First name': 'Ana',
      'Last name': 'Lopez',
      'Email address': 'ana@northwind.example',
      'Phone number': '(425) 555-0101',
      'Domain name': 'northwindfill',
      Language: 'en',
      Offers: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*5; DZH318Z0BQ3Q:0001:DZH318Z0BQ3R',
      'Date of acceptance': AGREED,
      'Signer first name': 'Bo',
      'Signer last name': 'Li',
      'Signer email address': 'bo@northwind.example',
    },
    checkboxes: { 'Opt-in (default granular admin relationship)': false, 'Customer has accepted the Microsoft Customer Agreement': true },
    expectedCustomer: {
      domain: 'northwindfill.onmicrosoft.com',
      companyName: 'Northwind Traders',
      email: 'ana@northwind.example',
      language: 'en',
      address: { firstName: 'Ana', lastName: 'Lopez', addressLine1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052', country: 'US', phoneNumber: '+14255550101' },
      enableGDAPByDefault: false,
    },
    expectedAgreement: { firstName: 'Bo', lastName: 'Li', email: 'bo@northwind.example' },
    expectedCart: [
      { catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 5 },
      { catalogItemId: 'DZH318Z0BQ3Q:0001:DZH318Z0BQ3R', quantity: 1 },
    ],
  },
  {
    lang: 'ja',
    panel: {
      'Company name': '株式会社ノースウィンド',
      'Country/region': 'JP',
      'Address line 1': '丸の内1-1-1',
      City: '千代田区',
      'State/province': '東京都',
      'Postal code': '1000005',
      'First name': '花子',
      'Last name': '山田',
      'Email address': 'hanako@northwind.example',
      'Phone number': '03-1234-5678',
      'Domain name': 'northwindjp',
      Language: 'ja',
      Offers: 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ*2',
    },
    checkboxes: { 'Opt-in (default granular admin relationship)': true, 'Customer has accepted the Microsoft Customer Agreement': false },
    expectedCustomer: {
      domain: 'northwindjp.onmicrosoft.com',
      companyName: '株式会社ノースウィンド',
      email: 'hanako@northwind.example',
      language: 'ja',
      address: { firstName: '花子', lastName: '山田', addressLine1: '丸の内1-1-1', city: '千代田区', state: '東京都', postalCode: '100-0005', country: 'JP', phoneNumber: '+81312345678' },
      enableGDAPByDefault: true,
    },
    expectedCart: [{ catalogItemId: 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ', quantity: 2 }],
  },
];

async function openPanel(): Promise<Page> {
  const panel = await launched.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${launched.extensionId}/sidepanel.html`);
  await panel.getByRole('button', { name: 'Fill page' }).waitFor({ timeout: 15_000 });
  return panel;
}

/** A side-panel field by its English label; a required field's label ends in " *". */
function panelField(panel: Page, label: string) {
  return panel.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}( \\*)?$`));
}

async function pressFillPage(panel: Page): Promise<string> {
  await panel.bringToFront();
  await panel.getByRole('button', { name: 'Fill page' }).click();
  const report = panel.locator('section.fill-report');
  await report.waitFor({ timeout: 15_000 });
  const text = (await report.textContent()) ?? '';
  return text;
}

describe.each(cases)('fill from the side panel, submit as a person ($lang page)', (testCase) => {
  it('should create in the sandbox exactly the customer typed into the side panel', async () => {
    const page = await openWizard(testCase.lang);
    const panel = await openPanel();
    for (const [label, value] of Object.entries(testCase.panel)) {
      if (label.startsWith('Signer') || label === 'Date of acceptance') continue;
      await panelField(panel, label).fill(value);
    }
    for (const [label, checked] of Object.entries(testCase.checkboxes)) await panelField(panel, label).setChecked(checked);
    for (const [label, value] of Object.entries(testCase.panel)) {
      if (label.startsWith('Signer') || label === 'Date of acceptance') await panelField(panel, label).fill(value);
    }

    const accountReport = await pressFillPage(panel);
    await page.bringToFront();
    await page.screenshot({ path: join(SCREENSHOTS, `replica-filled-${testCase.lang}.png`), fullPage: true });
    const s = testCase.lang === 'ja' ? { next1: '次へ: サブスクリプション', next2: '次へ: レビュー', submit: '送信', done: '完了' } : { next1: 'Next: Subscriptions', next2: 'Next: Review', submit: 'Submit', done: 'Done' };
    await page.getByRole('button', { name: s.next1 }).click();
    await page.getByRole('button', { name: s.next2 }).waitFor();
    await page.getByText(testCase.expectedCart[0]!.catalogItemId).waitFor({ timeout: 15_000 });
    expect(accountReport, 'the Account info report').toBeTruthy();

    await pressFillPage(panel);
    await page.bringToFront();
    await page.getByRole('button', { name: s.next2 }).click();
    await page.getByRole('button', { name: s.submit }).click();
    const doneButton = page.getByRole('button', { name: s.done });
    await doneButton.waitFor({ timeout: 15_000 });

    const customers = [...backend.sandbox.state.customers.values()];
    const stored = customers.find((customer) => customer.domain === testCase.expectedCustomer.domain);
    expect(stored, `no customer ${String(testCase.expectedCustomer.domain)} in the sandbox`).toBeDefined();
    const resource = stored!.resource as any;
    const expected = testCase.expectedCustomer;
    expect(resource.companyProfile.companyName).toBe(expected.companyName);
    expect(resource.billingProfile.email).toBe(expected.email);
    expect(resource.billingProfile.language).toBe(expected.language);
    expect(resource.enableGDAPByDefault).toBe(expected.enableGDAPByDefault);
    expect(resource.billingProfile.defaultAddress).toEqual(expected.address);
    const agreements = backend.sandbox.state.agreements.filter((agreement) => agreement.customerId === stored!.id);
    if (testCase.expectedAgreement) {
      expect(agreements).toHaveLength(1);
      expect(agreements[0]!.primaryContact).toMatchObject(testCase.expectedAgreement);
      expect(agreements[0]!.dateAgreed.slice(0, 10)).toBe(AGREED);
    } else {
      expect(agreements).toHaveLength(0);
    }
    const carts = [...backend.sandbox.state.carts.values()].filter((cart) => cart.customerId === stored!.id);
    expect(carts).toHaveLength(1);
    const lines = (carts[0]!.resource as any).lineItems.map((line: any) => ({ catalogItemId: line.catalogItemId, quantity: line.quantity }));
    expect(lines).toEqual(testCase.expectedCart);

    // The Confirmation page sent the admin user (never the password) to the background's history.
    const adminUser = `admin@${String(expected.domain)}`;
    await expect.poll(async () => launched.serviceWorker.evaluate(() => chrome.storage.local.get('confirmedCustomers')), { timeout: 10_000 }).toMatchObject({
      confirmedCustomers: expect.arrayContaining([expect.objectContaining({ adminUserName: adminUser, domain: expected.domain })]),
    });
    const password = await page.locator('.secret').nth(1).textContent();
    const stored_history = JSON.stringify(await launched.serviceWorker.evaluate(() => chrome.storage.local.get(null)));
    expect(password).toBeTruthy();
    expect(stored_history).not.toContain(password!);

    await page.close();
    await panel.close();
  }, 120_000);
});

// Last: it reloads the extension, so the service worker of `launched` is gone afterwards.
describe('extension reloaded under an open wizard page', () => {
  it('should tell the person to reload the page instead of failing silently', async () => {
    const page = await openWizard('en');
    await launched.serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    const banner = page.getByRole('alert').filter({ hasText: 'pc-onboard was updated — reload the page.' });
    await banner.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await banner.count()).toBe(1);
    await page.close();
  }, 60_000);
});
