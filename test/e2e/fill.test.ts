import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR } from './support/screenshot-dir.ts';
import { useExtensionOnReplica } from './support/extension-on-replica.ts';
import { GOOD_VARIANTS } from './support/variant-records.ts';
import { AGREED, openWizard } from './support/wizard-page.ts';

/**
 * The single-customer fill end to end: the built extension in real Chromium, the wizard replica
 * served at the production dashboard URL, Partner Center = the sandbox. A person fills the side
 * panel, presses "Fill page", walks to Review and submits; the sandbox must hold exactly the record.
 */
// The extension APIs, inside serviceWorker.evaluate() callbacks.
declare const chrome: any;


const env = useExtensionOnReplica();

beforeAll(() => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
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
      'Address line 2': 'Building 92',
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
      address: { firstName: 'Ana', lastName: 'Lopez', addressLine1: '1 Microsoft Way', addressLine2: 'Building 92', city: 'Redmond', state: 'WA', postalCode: '98052', country: 'US', phoneNumber: '+14255550101' },
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
      // Full-width letters and digits: filled and submitted exactly as typed.
      'Company name': '株式会社ＨＸ７ダッシュ',
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
      'Date of acceptance': AGREED,
      // A signer without a phone: the signer's phone stays empty (never the contact's).
      'Signer first name': '太郎',
      'Signer last name': '佐藤',
      'Signer email address': 'taro@northwind.example',
    },
    checkboxes: { 'Opt-in (default granular admin relationship)': true, 'Customer has accepted the Microsoft Customer Agreement': true },
    expectedCustomer: {
      domain: 'northwindjp.onmicrosoft.com',
      companyName: '株式会社ＨＸ７ダッシュ',
      email: 'hanako@northwind.example',
      language: 'ja',
      address: { firstName: '花子', lastName: '山田', addressLine1: '丸の内1-1-1', city: '千代田区', state: '東京都', postalCode: '100-0005', country: 'JP', phoneNumber: '+81312345678' },
      enableGDAPByDefault: true,
    },
    expectedAgreement: { firstName: '太郎', lastName: '佐藤', email: 'taro@northwind.example' },
    expectedCart: [{ catalogItemId: 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ', quantity: 2 }],
  },
];

async function openPanel(): Promise<Page> {
  const panel = await env.launched.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${env.launched.extensionId}/sidepanel.html`);
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

/** Every wizard version the replica draws; each run gets a domain of its own (the sandbox keeps every customer). */
const runs = GOOD_VARIANTS.flatMap((variant) => cases.map((base) => withDomainFor(base, variant)));

function withDomainFor(base: PanelCase, variant: string): PanelCase & { variant: string } {
  const domain = `${base.panel['Domain name']}${variant === 'classic' ? '' : variant}`;
  return { ...base, variant, panel: { ...base.panel, 'Domain name': domain }, expectedCustomer: { ...base.expectedCustomer, domain: `${domain}.onmicrosoft.com` } };
}

describe.each(runs)('fill from the side panel, submit as a person ($variant wizard, $lang page)', (testCase) => {
  it('should create in the sandbox exactly the customer typed into the side panel', async () => {
    const page = await openWizard(env.launched.context, testCase.lang, `wizard=${testCase.variant}`);
    const shots = testCase.variant === 'classic';
    const panel = await openPanel();
    // The panel keeps a draft in storage: start from an empty form, as a person would with a new customer.
    await panel.getByRole('button', { name: 'Clear', exact: true }).click();
    for (const [label, value] of Object.entries(testCase.panel)) {
      if (label.startsWith('Signer') || label === 'Date of acceptance') continue;
      await panelField(panel, label).fill(value);
    }
    for (const [label, checked] of Object.entries(testCase.checkboxes)) await panelField(panel, label).setChecked(checked);
    for (const [label, value] of Object.entries(testCase.panel)) {
      if (label.startsWith('Signer') || label === 'Date of acceptance') await panelField(panel, label).fill(value);
    }

    // The content script reports the Subscriptions fill it runs on its own as a runtime message to the extension's pages.
    await panel.evaluate(() => {
      (window as any).fillReports = [];
      chrome.runtime.onMessage.addListener((message: any) => {
        if (message?.type === 'fill-report') (window as any).fillReports.push(message);
      });
    });
    const accountReport = await pressFillPage(panel);
    await page.bringToFront();
    if (shots) await page.screenshot({ path: join(SCREENSHOT_DIR, `replica-filled-${testCase.lang}.png`), fullPage: true });
    // Read back from the page: nothing refused, nothing different, nothing missing.
    for (const badge of ['Rejected: 0', 'To check: 0', 'Not found: 0']) expect(accountReport, 'the Account info report').toContain(badge);
    const s = testCase.lang === 'ja' ? { next1: '次へ: サブスクリプション', next2: '次へ: レビュー', submit: '送信', done: '完了' } : { next1: 'Next: Subscriptions', next2: 'Next: Review', submit: 'Submit', done: 'Done' };
    expect(accountReport, 'the Account info report').toBeTruthy();

    // A person presses Next and does not press "Fill page" again: the offers and quantities fill themselves.
    await page.getByRole('button', { name: s.next1 }).click();
    await page.getByRole('button', { name: s.next2 }).waitFor();
    // The classic list shows every offer with its whole id; other versions are checked through the report and the cart.
    for (const line of shots ? testCase.expectedCart : []) {
      const row = page.locator('.offer-row').filter({ hasText: line.catalogItemId });
      await expect.poll(() => row.locator('input[type=checkbox]').isChecked(), { timeout: 15_000 }).toBe(true);
      await expect.poll(() => row.locator('input[type=number]').inputValue(), { timeout: 5_000 }).toBe(String(line.quantity));
    }
    await expect.poll(() => panel.evaluate(() => (window as any).fillReports), { timeout: 5_000 }).toEqual([
      {
        type: 'fill-report',
        report: {
          step: 'subscriptions',
          fields: testCase.expectedCart.map((line) => expect.objectContaining({ key: 'offers', offerId: line.catalogItemId, status: 'filled' })),
          durationMs: expect.any(Number),
        },
      },
    ]);
    if (shots) await page.screenshot({ path: join(SCREENSHOT_DIR, `replica-subscriptions-filled${testCase.lang === 'ja' ? '-ja' : ''}.png`), fullPage: true });

    await page.getByRole('button', { name: s.next2 }).click();
    await page.getByRole('button', { name: s.submit }).click();
    const doneButton = page.getByRole('button', { name: s.done });
    await doneButton.waitFor({ timeout: 15_000 });
    // The automatic fill's report reached the extension without any trouble: no "reload the page" banner.
    expect(await page.locator('#pc-onboard-banner').count()).toBe(0);

    const customers = [...env.backend.sandbox.state.customers.values()];
    const stored = customers.find((customer) => customer.domain === testCase.expectedCustomer.domain);
    expect(stored, `no customer ${String(testCase.expectedCustomer.domain)} in the sandbox`).toBeDefined();
    const resource = stored!.resource as any;
    const expected = testCase.expectedCustomer;
    expect(resource.companyProfile.companyName).toBe(expected.companyName);
    expect(resource.billingProfile.email).toBe(expected.email);
    expect(resource.billingProfile.language).toBe(expected.language);
    expect(resource.enableGDAPByDefault).toBe(expected.enableGDAPByDefault);
    expect(resource.billingProfile.defaultAddress).toEqual(expected.address);
    const agreements = env.backend.sandbox.state.agreements.filter((agreement) => agreement.customerId === stored!.id);
    if (testCase.expectedAgreement) {
      expect(agreements).toHaveLength(1);
      expect(agreements[0]!.primaryContact).toEqual(testCase.expectedAgreement);
      expect(agreements[0]!.dateAgreed.slice(0, 10)).toBe(AGREED);
    } else {
      expect(agreements).toHaveLength(0);
    }
    const carts = [...env.backend.sandbox.state.carts.values()].filter((cart) => cart.customerId === stored!.id);
    expect(carts).toHaveLength(1);
    const lines = (carts[0]!.resource as any).lineItems.map((line: any) => ({ catalogItemId: line.catalogItemId, quantity: line.quantity }));
    expect(lines).toEqual(testCase.expectedCart);

    // The Confirmation page sent the admin user (never the password) to the background's history.
    const adminUser = `admin@${String(expected.domain)}`;
    await expect.poll(async () => env.launched.serviceWorker.evaluate(() => chrome.storage.local.get('confirmedCustomers')), { timeout: 10_000 }).toMatchObject({
      confirmedCustomers: expect.arrayContaining([expect.objectContaining({ adminUserName: adminUser, domain: expected.domain })]),
    });
    const password = await page.locator('.secret').nth(1).textContent();
    const stored_history = JSON.stringify(await env.launched.serviceWorker.evaluate(() => chrome.storage.local.get(null)));
    expect(password).toBeTruthy();
    expect(stored_history).not.toContain(password!);

    await page.close();
    await panel.close();
  }, 120_000);
});

