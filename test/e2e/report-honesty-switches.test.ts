import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR } from './support/screenshot-dir.ts';
import { useExtensionOnReplica } from './support/extension-on-replica.ts';
import { ROOT } from './support/launch-extension.ts';
import { openPanelWithDraft } from './support/side-panel.ts';
import { openWizard } from './support/wizard-page.ts';

/**
 * The report says what is true on wizard versions the extension was not written against, as a
 * person meets them: the built extension in real Chromium, the side panel's "Fill page", the
 * replica switched to a page with a field nobody mapped (`?required=taxid`), radio buttons
 * (`?radios=…`), a fixed country (`?fixed=country`), a read-only date picker
 * (`?datepicker=readonly`) or a national cloud (`?cloud=usgov|china`).
 */
const env = useExtensionOnReplica();

/** Pictures to look at, not for the docs: always under test-results. */
const LOOK_DIR = join(ROOT, 'test-results', 'screenshots');

beforeAll(() => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  mkdirSync(LOOK_DIR, { recursive: true });
});

const DRAFT = {
  company_name: 'Contoso Honest Ltd', domain: 'contosohonest', country: 'US', address_line1: '1 Microsoft Way', city: 'Redmond',
  state: 'WA', postal_code: '98052', contact_first_name: 'Ana', contact_last_name: 'Lopez', contact_email: 'ana@contoso.example',
  language: 'en', mca_accepted: 'yes', mca_date: '2026-11-01', mca_first_name: 'Bo', mca_last_name: 'Li', mca_email: 'bo@contoso.example',
};

interface Filled {
  wizard: Page;
  panel: Page;
  report: Locator;
  /** The live region's sentence after the fill. */
  summary: string;
}

/** Opens the switched wizard and the panel, presses "Fill page" and waits for the Account info report. */
async function fill(switches: string, options: { lang?: 'en' | 'ja'; draft?: Record<string, string>; cloud?: string } = {}): Promise<Filled> {
  const lang = options.lang ?? 'en';
  const wizard = await openWizard(env.launched.context, lang, switches);
  const panel = await openPanelWithDraft(env.launched.context, env.launched.extensionId, options.draft ?? DRAFT, { language: lang, ...(options.cloud ? { cloud: options.cloud } : {}) });
  return pressFill(wizard, panel, lang);
}

async function pressFill(wizard: Page, panel: Page, lang: 'en' | 'ja'): Promise<Filled> {
  await panel.getByRole('button', { name: lang === 'en' ? 'Fill page' : 'ページに入力' }).click();
  const report = panel.getByRole('region', { name: lang === 'en' ? 'Account info: what was filled' : 'アカウント情報: 入力結果' });
  await report.waitFor({ timeout: 15_000 });
  const status = panel.locator('.sticky-actions [role="status"]');
  await expect.poll(() => status.innerText()).toMatch(lang === 'en' ? /^Account info: \d+ filled/ : /^アカウント情報/);
  return { wizard, panel, report, summary: await status.innerText() };
}

/** The report line of a field, by the name the panel shows for it. */
function line(report: Locator, name: string): Locator {
  return report.locator('.report-item', { has: report.page().locator('.report-field', { hasText: new RegExp(`^${name}$`) }) });
}

/** Unfolds "Filled and skipped fields", as a person does to read the notes on skipped fields. */
async function openSettled(report: Locator): Promise<void> {
  const settled = report.locator('details.settled');
  if ((await settled.getAttribute('open')) === null) await settled.locator('summary').click();
}

describe('a required field pc-onboard does not know (?required=taxid)', () => {
  it('should list it to check under the page\'s label, outline it on the page, and never call the step complete', async () => {
    const { wizard, panel, report, summary } = await fill('required=taxid');
    const taxId = line(report, 'Tax ID');
    expect(await taxId.getAttribute('class')).toContain('status-to-check');
    expect(await taxId.locator('.report-message').innerText()).toBe('A required field pc-onboard does not know: fill it by hand.');
    // Listed with what needs a person, before the folded list of what went well.
    expect(await report.locator('ul.report-list').first().innerText()).toContain('Tax ID');
    expect(summary).toMatch(/^Account info: \d+ filled, 1 to check \(listed below\)\./);
    expect(await wizard.getByLabel('Tax ID').getAttribute('data-pc-onboard-attention')).toBe('to-check');
    await taxId.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-unknown-required.png') });
    await panel.close();
  });

  it('should name it in Japanese on a Japanese page', async () => {
    const { panel, report } = await fill('required=taxid', { lang: 'ja' });
    expect(await line(report, '納税者番号').locator('.report-message').innerText()).toBe('pc-onboard が知らない必須の欄です。手で入力してください。');
    await panel.close();
  });
});

describe('radio groups (?radios=…)', () => {
  it('should choose the language by its button and read back the button checked', async () => {
    const { wizard, panel, report } = await fill('radios=language', { draft: { ...DRAFT, language: 'ja' } });
    expect(await line(report, 'Language').getAttribute('class')).toContain('status-filled');
    expect(await wizard.getByRole('radio', { name: 'Japanese' }).isChecked()).toBe(true);
    expect(await wizard.evaluate(() => (window as any).replicaSubmission().customer.billingProfile.language)).toBe('ja');
    await panel.close();
  });

  it('should not call it filled when the page keeps another button checked', async () => {
    const { wizard, panel, report } = await fill('radios=stuck', { draft: { ...DRAFT, language: 'ja' } });
    const language = line(report, 'Language');
    expect(await language.getAttribute('class')).toContain('status-to-check');
    expect(await language.locator('.report-message').innerText()).toBe('The page shows "English", not "Japanese".');
    expect(await wizard.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    await panel.close();
  });
});

describe('fields the page fixes', () => {
  it('should call a country fixed to the right market filled, and one fixed to another "to check", without touching it', async () => {
    const right = await fill('fixed=country');
    expect(await line(right.report, 'Country/region').getAttribute('class')).toContain('status-filled');
    await right.panel.close();
    const other = await fill('fixed=country', { draft: { ...DRAFT, country: 'CA', state: 'ON', postal_code: 'K1A 0B1', city: 'Ottawa' } });
    const country = line(other.report, 'Country/region');
    expect(await country.getAttribute('class')).toContain('status-to-check');
    expect(await country.locator('.report-message').innerText()).toMatch(/^The page fixes this field to "United States" and it cannot be changed here; the record has "Canada"/);
    expect(await other.wizard.evaluate(() => (window as any).replicaSubmission().customer.billingProfile.defaultAddress.country)).toBe('US');
    await other.panel.close();
  });

  it('should ask a person to pick a read-only agreement date, and call it filled once they have (?datepicker=readonly)', async () => {
    const first = await fill('datepicker=readonly');
    const date = line(first.report, 'Date of acceptance');
    expect(await date.getAttribute('class')).toContain('status-to-check');
    expect(await date.locator('.report-message').innerText()).toBe('This date picker takes no typing: open its calendar and pick 11/1/2026 by hand.');
    // The person picks the date in the calendar, then fills again.
    await first.wizard.bringToFront();
    await first.wizard.getByRole('combobox', { name: /^Date of acceptance/ }).click();
    await first.wizard.getByRole('dialog').getByLabel('Choose the date of acceptance').fill('2026-11-01');
    await first.wizard.getByRole('button', { name: 'OK' }).click();
    await first.panel.bringToFront();
    const second = await pressFill(first.wizard, first.panel, 'en');
    expect(await line(second.report, 'Date of acceptance').getAttribute('class')).toContain('status-filled');
    expect(second.summary).toMatch(/nothing to check/);
    await first.panel.close();
  });
});

describe('clouds (?cloud=…)', () => {
  const agreementFields = ['Date of acceptance', 'Signer first name', 'Signer last name', 'Signer email address'];

  it('should leave out the agreement on US Government with a note, and take offers without it', async () => {
    // No attestation there, so the panel asks for none before offers.
    const draft = { ...DRAFT, offers: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*5' } as Record<string, string>;
    for (const key of ['mca_accepted', 'mca_date', 'mca_first_name', 'mca_last_name', 'mca_email']) delete draft[key];
    const { panel, report, summary } = await fill('cloud=usgov', { draft, cloud: 'usgov' });
    await openSettled(report);
    // One line for the whole agreement (its acceptance box), none for its other fields.
    const skipped = line(report, 'Customer has accepted the Microsoft Customer Agreement');
    expect(await skipped.getAttribute('class')).toContain('status-skipped');
    expect(await skipped.locator('.report-message').innerText()).toBe('Not filled: there is no Microsoft Customer Agreement attestation in the US Government cloud.');
    for (const name of agreementFields) expect(await line(report, name).count(), name).toBe(0);
    expect(summary).toMatch(/nothing to check/);
    await panel.close();
  });

  it('should see 21Vianet by the domain suffix the page shows, whatever the setting, and show that suffix in the panel', async () => {
    const { wizard, panel, report, summary } = await fill('cloud=china', { cloud: 'global' });
    await openSettled(report);
    expect(await line(report, 'Customer has accepted the Microsoft Customer Agreement').locator('.report-message').innerText()).toBe('Not filled: there is no Microsoft Customer Agreement attestation in the 21Vianet cloud.');
    expect(await line(report, 'Domain name').getAttribute('class')).toContain('status-filled');
    expect(summary).toMatch(/nothing to check/);
    expect(await wizard.evaluate(() => (window as any).replicaSubmission().customer.companyProfile.domain)).toBe('contosohonest.partner.onmschina.cn');
    await panel.close();

    const chinaPanel = await openPanelWithDraft(env.launched.context, env.launched.extensionId, DRAFT, { language: 'en', cloud: 'china' });
    expect(await chinaPanel.locator('#field-domain-hint').innerText()).toBe('The prefix of the new contoso.partner.onmschina.cn domain.');
    const filled = await pressFill(wizard, chinaPanel, 'en');
    await openSettled(filled.report);
    await line(filled.report, 'Customer has accepted the Microsoft Customer Agreement').scrollIntoViewIfNeeded();
    await chinaPanel.screenshot({ path: join(LOOK_DIR, 'sidepanel-cloud-china.png') });
    await chinaPanel.close();
  });

  it('should explain in Options that Microsoft Cloud Germany closed', async () => {
    const options = await env.launched.context.newPage();
    await options.goto(`chrome-extension://${env.launched.extensionId}/options.html`);
    await options.getByLabel('Partner Center cloud').selectOption('germany');
    expect(await options.getByRole('alert').innerText()).toMatch(/^Microsoft Cloud Germany closed on 29 October 2021 and its customers moved to the global cloud/);
    await options.screenshot({ path: join(LOOK_DIR, 'options-cloud-germany.png') });
    await options.close();
  });
});
