import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findChromium } from '../e2e/support/launch-extension.ts';
import { routeReplica, WIZARD_URL, type ReplicaBackend } from '../e2e/support/replica-routing.ts';

/**
 * The replica must break naive fillers the way the real wizard does: these tests prove
 * each trap in real Chromium, without the extension.
 */
let browser: Browser;
let context: BrowserContext;
let backend: ReplicaBackend;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox'] });
  context = await browser.newContext();
  backend = await routeReplica(context);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await backend?.close();
});

beforeEach(async () => {
  await page?.close();
  page = await context.newPage();
  await page.goto(WIZARD_URL);
  await page.locator('html[data-replica-ready]').waitFor();
});

describe('wizard replica', () => {
  it('should lose a value set without the native setter on the next render, as a React input does', async () => {
    const company = page.getByLabel('Company name *');
    await company.evaluate((input: HTMLInputElement) => {
      input.value = 'Naive Ltd';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.getByLabel('City').fill('Redmond');
    await expect(company.inputValue()).resolves.toBe('');
  });

  it('should keep a value set through the native setter followed by an input event', async () => {
    const company = page.getByLabel('Company name *');
    await company.evaluate((input: HTMLInputElement) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'Proper Ltd');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.getByLabel('City').fill('Redmond');
    await expect(company.inputValue()).resolves.toBe('Proper Ltd');
  });

  it('should select the first option when the v8 dropdown is focused without a mousedown', async () => {
    const country = page.getByRole('combobox', { name: /Country\/region/ });
    await country.focus();
    await expect(country.textContent()).resolves.toContain('Australia');
  });

  it('should open the v8 dropdown options in a layer appended to the body', async () => {
    await page.getByRole('combobox', { name: /Country\/region/ }).click();
    const inLayer = await page.evaluate(() => document.body.lastElementChild?.matches('.ms-Layer') && document.body.lastElementChild.querySelectorAll('[role=option]').length);
    expect(inLayer).toBe(12);
  });

  it('should keep the Primary contact fields inside nested open shadow roots', async () => {
    const lightLabels = await page.evaluate(() => [...document.querySelectorAll('label')].map((label) => label.textContent));
    const deep = await page.evaluate(() => {
      const card = document.querySelector('pc-card')!.shadowRoot!;
      return card.querySelector('pc-field-group')!.shadowRoot!.querySelectorAll('input').length;
    });
    expect(deep).toBe(4);
    await expect(page.getByLabel('First name *').count()).resolves.toBe(1);
    expect(lightLabels).not.toContain('First name *');
    expect(lightLabels).toContain('Company name *');
  });

  it('should show State only after a country, and the registration ID only for some countries', async () => {
    await expect(page.getByText('State', { exact: false }).count()).resolves.toBe(0);
    await page.getByRole('combobox', { name: /Country\/region/ }).click();
    await page.getByRole('option', { name: 'Brazil' }).click();
    await page.getByLabel('Organization registration ID *').waitFor();
    await page.getByRole('combobox', { name: /Country\/region/ }).click();
    await page.getByRole('option', { name: 'United States' }).click();
    await page.getByRole('combobox', { name: /^State/ }).waitFor();
    await expect(page.getByLabel('Organization registration ID *').count()).resolves.toBe(0);
  });

  it('should check the domain against the sandbox when the field is left', async () => {
    await page.getByLabel('Domain name *').fill('taken');
    await page.getByLabel('Domain name *').blur();
    await page.getByRole('alert').filter({ hasText: 'This domain name is not available.' }).waitFor();
    await expect(page.getByLabel('Domain name *').getAttribute('aria-invalid')).resolves.toBe('true');
  });

  it('should reveal the agreement fields, repeating the contact labels, after its checkbox', async () => {
    await expect(page.getByLabel('Date of acceptance *').count()).resolves.toBe(0);
    await page.getByLabel('Customer has accepted the Microsoft Customer Agreement').check();
    await page.getByLabel('Date of acceptance *').waitFor();
    await expect(page.getByLabel('First name *').count()).resolves.toBe(2);
  });
});

describe('wizard replica, other versions (?wizard=…)', () => {
  it('v8: should draw the whole step anew after a country choice, and show the agreement date as toDateString once left', async () => {
    await page.goto(`${WIZARD_URL}?wizard=v8`);
    await page.locator('html[data-replica-ready]').waitFor();
    const before = await page.getByLabel('Company name*').elementHandle();
    await page.getByRole('combobox', { name: /Country\/region/ }).click();
    await page.getByRole('option', { name: 'United States' }).click();
    await page.getByRole('combobox', { name: /^State/ }).waitFor();
    // The old step may show the State field before the new one replaces it (after the rules' round trip).
    await expect.poll(() => before!.evaluate((element) => element.isConnected)).toBe(false);
    await page.getByLabel('Customer has accepted the Microsoft Customer Agreement').check();
    await page.getByLabel('Date of acceptance*').fill('3/5/2026');
    await page.getByLabel('Date of acceptance*').blur();
    await expect.poll(() => page.getByLabel('Date of acceptance*').inputValue()).toBe('Thu Mar 05 2026');
  });

  it('v8: should name offers its own way, show PRODUCT:SKU, and list the rest only through a search', async () => {
    await page.goto(`${WIZARD_URL}/subscriptions?wizard=v8`);
    await page.locator('html[data-replica-ready]').waitFor();
    await page.getByText('Showing 3 of').waitFor();
    await expect(page.getByText('CFQ7TTC0LF8R:0001', { exact: true }).count()).resolves.toBe(0);
    await page.getByLabel('Search').fill('CFQ7TTC0LF8R:0001');
    const row = page.locator('.offer-row').filter({ hasText: 'CFQ7TTC0LF8R:0001' });
    await expect(row.locator('.offer-name').textContent()).resolves.toBe('Microsoft 365 E3');
  });
});
