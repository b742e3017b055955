import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR } from './support/screenshot-dir.ts';
import { useExtensionOnReplica } from './support/extension-on-replica.ts';
import { openPanelWithDraft as openPanel } from './support/side-panel.ts';
import { openWizard } from './support/wizard-page.ts';

/**
 * What the side panel shows after a fill, end to end: the real content script on the wizard
 * replica (Partner Center = the sandbox) answers "Fill page" with the Account info report, then
 * fills Subscriptions on its own when the person moves on; the panel shows both reports, by step.
 */
const env = useExtensionOnReplica();

const DRAFT = {
  company_name: 'Contoso Panel Ltd', domain: 'contosopanelreport', country: 'US', address_line1: '1 Microsoft Way', city: 'Redmond',
  state: 'WA', postal_code: '98052', contact_first_name: 'Ana', contact_last_name: 'Lopez', contact_email: 'ana@contoso.example',
  offers: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*5',
  // In the global cloud a customer with offers needs the MCA attestation (docs/contracts/csv.md §4).
  mca_accepted: 'yes', mca_date: '2026-11-01',
};

function openPanelWithDraft(language: 'en' | 'ja', draft: Record<string, string> = DRAFT): Promise<Page> {
  return openPanel(env.launched.context, env.launched.extensionId, draft, { language });
}

describe('fill reports in the side panel', () => {
  it('should show the Account info report, then the Subscriptions report the content script sends on its own', async () => {
    const wizard = await openWizard(env.launched.context, 'en');
    const panel = await openPanelWithDraft('en');
    await panel.getByRole('button', { name: 'Fill page' }).click();
    const account = panel.getByRole('region', { name: 'Account info: what was filled' });
    await account.waitFor({ timeout: 15_000 });
    const status = panel.locator('.sticky-actions [role="status"]');
    await expect.poll(() => status.innerText()).toMatch(/^Account info: \d+ filled, (\d+ to check \(listed below\)|nothing to check)\.\s+Next: go on to Subscriptions/);

    // A person presses Next in the wizard; nobody presses Fill page again.
    await wizard.bringToFront();
    await wizard.getByRole('button', { name: 'Next: Subscriptions' }).click();
    const subscriptions = panel.getByRole('region', { name: 'Subscriptions: what was filled' });
    await subscriptions.waitFor({ timeout: 20_000 });
    expect(await subscriptions.locator('.report-item.status-filled').innerText()).toContain('CFQ7TTC0LH18:0001:CFQ7TTC0K5BF');
    // Both reports stay, in wizard order; the announcement now covers both and no longer says what to do next.
    expect(await panel.locator('section.fill-report h3').allInnerTexts()).toEqual(['Account info: what was filled', 'Subscriptions: what was filled']);
    await expect.poll(() => status.innerText()).toMatch(/Subscriptions: 1 filled, nothing to check\./);
    expect(await status.innerText()).not.toContain('Next: go on to Subscriptions');

    await panel.bringToFront();
    await subscriptions.scrollIntoViewIfNeeded();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-fill-reports.png') });
  });

  it('should name the steps in Japanese', async () => {
    const wizard = await openWizard(env.launched.context, 'ja');
    const panel = await openPanelWithDraft('ja');
    await panel.getByRole('button', { name: 'ページに入力' }).click();
    await panel.getByRole('region', { name: 'アカウント情報: 入力結果' }).waitFor({ timeout: 15_000 });
    await wizard.bringToFront();
    await wizard.getByRole('button', { name: '次へ: サブスクリプション' }).click();
    const subscriptions = panel.getByRole('region', { name: 'サブスクリプション: 入力結果' });
    await subscriptions.waitFor({ timeout: 20_000 });
    expect(await subscriptions.isVisible()).toBe(true);
  });

  it('should take the PRODUCT:SKU copied from the wizard, ask which SKU a PRODUCT alone means, and fill the chosen offer', async () => {
    const wizard = await openWizard(env.launched.context, 'en');
    // CFQ7TTC0LCHC has two SKUs in the catalog: 0001 (Defender for Business) and 0002 (Business Premium).
    const panel = await openPanelWithDraft('en', { ...DRAFT, offers: 'CFQ7TTC0LH16:0001*2; CFQ7TTC0LCHC*3' });
    const offers = panel.getByLabel('Offers', { exact: true });
    const question = panel.getByRole('group', { name: 'Which offer do you mean by CFQ7TTC0LCHC?' });
    await question.waitFor();
    expect(await panel.getByRole('list', { name: 'Offers found in the catalog' }).innerText()).toBe('CFQ7TTC0LH16:0001 = Exchange Online (Plan 1) (CFQ7TTC0LH16:0001:CFQ7TTC0K5BL)');
    // Nothing is filled while the question is open.
    await panel.getByRole('button', { name: 'Fill page' }).click();
    await expect.poll(() => panel.locator('.sticky-actions [role="status"]').innerText()).toMatch(/Fields to fix: 1/);
    await question.scrollIntoViewIfNeeded();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-offer-choice.png') });
    await question.getByRole('button', { name: 'Microsoft 365 Business Premium (CFQ7TTC0LCHC:0002:CFQ7TTC0K5CM)' }).click();
    await expect.poll(() => offers.inputValue()).toBe('CFQ7TTC0LH16:0001*2; CFQ7TTC0LCHC:0002:CFQ7TTC0K5CM*3');
    await expect.poll(() => offers.getAttribute('aria-invalid')).toBe('false');

    await panel.getByRole('button', { name: 'Fill page' }).click();
    await panel.getByRole('region', { name: 'Account info: what was filled' }).waitFor({ timeout: 15_000 });
    await wizard.bringToFront();
    await wizard.getByRole('button', { name: 'Next: Subscriptions' }).click();
    const subscriptions = panel.getByRole('region', { name: 'Subscriptions: what was filled' });
    await subscriptions.waitFor({ timeout: 20_000 });
    await expect.poll(() => panel.locator('.sticky-actions [role="status"]').innerText()).toMatch(/Subscriptions: 2 filled, nothing to check\./);
    // On the page: the two offers meant, each with its quantity, and not the other SKU.
    const row = (name: string) => wizard.locator('.offer-row', { has: wizard.getByText(name, { exact: true }) });
    expect(await row('Exchange Online (Plan 1)').getByRole('checkbox').isChecked()).toBe(true);
    expect(await row('Exchange Online (Plan 1)').locator('.quantity input').inputValue()).toBe('2');
    expect(await row('Microsoft 365 Business Premium').getByRole('checkbox').isChecked()).toBe(true);
    expect(await row('Microsoft 365 Business Premium').locator('.quantity input').inputValue()).toBe('3');
    expect(await row('Microsoft Defender for Business').getByRole('checkbox').isChecked()).toBe(false);
  });
});
