import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useExtensionOnReplica } from './support/extension-on-replica.ts';
import { SCREENSHOT_DIR } from './support/screenshot-dir.ts';
import { openPanelWithDraft } from './support/side-panel.ts';
import { openWizard } from './support/wizard-page.ts';

/**
 * The built extension on replica pages that take away what only our replica had (ids in the DOM,
 * the documented wording, error texts, tenant ids as option values): a person fills the side panel,
 * presses "Fill page", walks the wizard, and reads the panel. Switches in test/replica/app/page-switches.ts.
 */
// The extension APIs, inside page.evaluate() callbacks.
declare const chrome: any;

const env = useExtensionOnReplica();

beforeAll(() => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

const FABRIKAM_TENANT = '6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f';
const RESELLER_REQUEST_URL = 'https://partner.microsoft.com/dashboard/v2/customers/requestresellerrelationship';

/** A customer as a person types it into the panel, per language; `extra` adds or replaces fields. */
function draftFor(lang: 'en' | 'ja', domain: string, extra: Record<string, string> = {}): Record<string, string> {
  const base =
    lang === 'en'
      ? { company_name: 'Contoso Sees Ltd', country: 'US', address_line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postal_code: '98052', contact_first_name: 'Ana', contact_last_name: 'Lopez', contact_email: 'ana@contoso.example' }
      : { company_name: '株式会社見たまま', country: 'JP', address_line1: '丸の内1-1-1', city: '千代田区', state: '東京都', postal_code: '100-0005', contact_first_name: '花子', contact_last_name: '山田', contact_email: 'hanako@mitamama.example' };
  return { ...base, domain, ...extra };
}

const WORDS = {
  en: { fill: 'Fill page', next1: 'Next: Subscriptions', next2: 'Next: Review', submit: 'Submit', account: 'Account info: what was filled', subscriptions: 'Subscriptions: what was filled', reseller: 'Reseller relationship request: what was filled' },
  ja: { fill: 'ページに入力', next1: '次へ: サブスクリプション', next2: '次へ: レビュー', submit: '送信', account: 'アカウント情報: 入力結果', subscriptions: 'サブスクリプション: 入力結果', reseller: 'リセラー関係の要求: 入力結果' },
} as const;

/** Presses "Fill page" and waits for the report region named `region`. */
async function fillFromPanel(panel: Page, lang: 'en' | 'ja', region: string) {
  await panel.bringToFront();
  await panel.getByRole('button', { name: WORDS[lang].fill }).click();
  const report = panel.getByRole('region', { name: region });
  await report.waitFor({ timeout: 20_000 });
  return report;
}

/** Every runtime message the extension's pages hear from now on, kept in the panel page (to prove the password never travels). */
async function recordMessages(panel: Page): Promise<() => Promise<string>> {
  await panel.evaluate(() => {
    (window as any).heard = [];
    chrome.runtime.onMessage.addListener((message: unknown) => void (window as any).heard.push(message));
  });
  return () => panel.evaluate(() => JSON.stringify((window as any).heard));
}

describe('offers matched by the names a person sees (?offers=names-only)', () => {
  it('should tick the offers whose names the list shows, with no id anywhere on the page, and name them in the panel', async () => {
    const wizard = await openWizard(env.launched.context, 'en', 'offers=names-only');
    const panel = await openPanelWithDraft(env.launched.context, env.launched.extensionId, draftFor('en', 'seesnamesen', {
      offers: 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ*3; CFQ7TTC0LH16:0001:CFQ7TTC0K5BL*2',
      mca_accepted: 'yes',
      mca_date: '2026-11-01',
    }), { language: 'en' });
    await fillFromPanel(panel, 'en', WORDS.en.account);
    await wizard.bringToFront();
    await wizard.getByRole('button', { name: WORDS.en.next1 }).click();
    const subscriptions = panel.getByRole('region', { name: WORDS.en.subscriptions });
    await subscriptions.waitFor({ timeout: 20_000 });
    // The page really shows no catalog id: the rows were taken by name.
    expect(await wizard.locator('.offer-list').innerText()).not.toMatch(/CFQ7TTC0/);
    expect(await wizard.evaluate(() => (window as any).replicaSubmission().offers)).toEqual([
      { id: 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ', quantity: 3 },
      { id: 'CFQ7TTC0LH16:0001:CFQ7TTC0K5BL', quantity: 2 },
    ]);
    const filled = await subscriptions.locator('.report-item.status-filled .report-field').allInnerTexts();
    expect(filled.sort()).toEqual(['Exchange Online (Plan 1) CFQ7TTC0LH16:0001:CFQ7TTC0K5BL', 'Office 365 E3 CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ']);
    await expect.poll(() => panel.locator('.sticky-actions [role="status"]').innerText()).toMatch(/Subscriptions: 2 filled, nothing to check\./);
    await panel.bringToFront();
    await subscriptions.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-offers-by-name.png') });
    await wizard.close();
    await panel.close();
  }, 90_000);

  it('should tick no offer whose name differs by a note, and leave two rows that both fit "to check", in Japanese', async () => {
    // The v8 version names our Office 365 E3 "Microsoft 365 E3", our Microsoft 365 E3 "Microsoft 365 E3 (Teams なし)",
    // and our Business Basic "Microsoft 365 Business Basic (日本語版)": a note may make another product.
    const wizard = await openWizard(env.launched.context, 'ja', 'wizard=v8&offers=names-only');
    const panel = await openPanelWithDraft(env.launched.context, env.launched.extensionId, draftFor('ja', 'seesnamesja', {
      offers: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*4; CFQ7TTC0LFLX:0001:CFQ7TTC0K5F0*1',
      mca_accepted: 'yes',
      mca_date: '2026-11-01',
    }), { language: 'ja' });
    await fillFromPanel(panel, 'ja', WORDS.ja.account);
    await wizard.bringToFront();
    await wizard.getByRole('button', { name: WORDS.ja.next1 }).click();
    const subscriptions = panel.getByRole('region', { name: WORDS.ja.subscriptions });
    await subscriptions.waitFor({ timeout: 30_000 });
    expect(await subscriptions.locator('.report-item.status-filled').count()).toBe(0);
    expect(await subscriptions.locator('.report-item.status-to-check .report-message').allInnerTexts()).toEqual([
      '一覧に ID が表示されておらず、このオファーに近い行は「Microsoft 365 Business Basic (日本語版)」だけですが、かっこ内の注記が異なり別の製品の可能性があります。何も選択していません。このオファーであればご自身で選択してください。',
      '一覧に ID が表示されておらず、このオファーに当たる行が複数あります (「Microsoft 365 E3」、「Microsoft 365 E3 (Teams なし)」)。どれも選択していません。正しい行を選択してください。',
    ]);
    // No row was ticked: a person chooses every offer.
    expect(await wizard.evaluate(() => (window as any).replicaSubmission().offers)).toEqual([]);
    await wizard.close();
    await panel.close();
  }, 90_000);
});

/** Fills Account info from the panel (a customer without offers), walks to Review and submits; returns the Confirmation page. */
async function submitCustomer(lang: 'en' | 'ja', variant: string, domain: string): Promise<{ wizard: Page; panel: Page; heard: () => Promise<string> }> {
  const wizard = await openWizard(env.launched.context, lang, variant);
  const panel = await openPanelWithDraft(env.launched.context, env.launched.extensionId, draftFor(lang, domain), { language: lang });
  const heard = await recordMessages(panel);
  await fillFromPanel(panel, lang, WORDS[lang].account);
  await wizard.bringToFront();
  await wizard.getByRole('button', { name: WORDS[lang].next1 }).click();
  await wizard.getByRole('button', { name: WORDS[lang].next2 }).click();
  await wizard.getByRole('button', { name: WORDS[lang].submit }).click();
  await wizard.locator('.credential').last().waitFor({ timeout: 20_000 });
  return { wizard, panel, heard };
}

async function storedExtensionData(): Promise<string> {
  return JSON.stringify(await env.launched.serviceWorker.evaluate(() => chrome.storage.local.get(null)));
}

describe('the Confirmation page recognised by its admin account section', () => {
  it('should read the admin user from a reworded page without a Done button or stepper, and never keep the password', async () => {
    const { wizard, panel, heard } = await submitCustomer('en', 'confirmation=reworded', 'seesreworded');
    expect(await wizard.getByRole('button', { name: 'Done' }).count()).toBe(0);
    const notice = panel.locator('.sticky-actions .notice.success');
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain('Confirmation read: admin user admin@seesreworded.onmicrosoft.com is in History.');
    await expect.poll(storedExtensionData, { timeout: 10_000 }).toContain('"adminUserName":"admin@seesreworded.onmicrosoft.com"');
    const password = (await wizard.locator('.secret').last().innerText()).trim();
    expect(password.length).toBeGreaterThan(4);
    expect(await storedExtensionData()).not.toContain(password);
    expect(await heard()).not.toContain(password);
    await wizard.close();
    await panel.close();
  }, 90_000);

  it('should say it is unsure while the user name is hidden behind "Show", record nothing, then read it once shown (Japanese)', async () => {
    const { wizard, panel, heard } = await submitCustomer('ja', 'confirmation=user-hidden', 'seeshiddenja');
    const banner = panel.locator('.sticky-actions .confirmation-unsure[role="alert"]');
    await expect.poll(() => banner.innerText(), { timeout: 10_000 }).toBe(
      'ウィザードの最後のページでは管理者ユーザー名が「表示」の後ろに隠れているため、まだ何も記録していません。ページで「表示」を押すと、ユーザー名を読み取って記録します。パスワードはページからご自身でコピーしてください。表示は一度だけです。',
    );
    expect(await storedExtensionData()).not.toContain('admin@seeshiddenja');
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-confirmation-hidden-ja.png') });

    // A person presses 表示: the name shows, and is read and recorded.
    await wizard.bringToFront();
    await wizard.getByRole('button', { name: '表示' }).click();
    await expect.poll(storedExtensionData, { timeout: 10_000 }).toContain('"adminUserName":"admin@seeshiddenja.onmicrosoft.com"');
    await expect.poll(() => panel.locator('.sticky-actions .notice.success').innerText(), { timeout: 10_000 }).toContain('admin@seeshiddenja.onmicrosoft.com');
    expect(await banner.count()).toBe(0);
    const password = (await wizard.locator('.secret').last().innerText()).trim();
    expect(await storedExtensionData()).not.toContain(password);
    expect(await heard()).not.toContain(password);
    await wizard.close();
    await panel.close();
  }, 90_000);

  it('should say it is unsure when the page shows no user name at all', async () => {
    const { wizard, panel } = await submitCustomer('en', 'confirmation=user-absent', 'seesabsent');
    await expect.poll(() => panel.locator('.sticky-actions .confirmation-unsure[role="alert"]').innerText(), { timeout: 10_000 }).toContain(
      "The wizard's last page shows no admin user name the extension can read for sure, so nothing was recorded.",
    );
    expect(await storedExtensionData()).not.toContain('admin@seesabsent');
    // The message reached the extension without trouble: no "reload the page" banner on the wizard.
    expect(await wizard.locator('#pc-onboard-banner').count()).toBe(0);
    await panel.bringToFront();
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-confirmation-unsure.png') });
    await wizard.close();
    await panel.close();
  }, 90_000);
});

describe('the reseller relationship request page, for a customer that already has a tenant', () => {
  async function openRequestPage(lang: 'en' | 'ja', query: string): Promise<Page> {
    for (const open of env.launched.context.pages()) if (open.url().startsWith('https://partner.microsoft.com/')) await open.close();
    const page = await env.launched.context.newPage();
    const search = new URLSearchParams(query);
    if (lang === 'ja') search.set('lang', 'ja');
    await page.goto(`${RESELLER_REQUEST_URL}?${search}`);
    await page.locator('html[data-replica-ready]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('textarea').inputValue(), { timeout: 15_000 }).toContain('invType=');
    return page;
  }

  it('should choose the reseller whose entry shows the record\'s tenant id, and check it in the invitation', async () => {
    const page = await openRequestPage('en', '');
    const panel = await openPanelWithDraft(env.launched.context, env.launched.extensionId, draftFor('en', 'taken', { associated_partner_id: FABRIKAM_TENANT }), { language: 'en' });
    const report = await fillFromPanel(panel, 'en', WORDS.en.reseller);
    expect(await report.locator('.report-item.status-filled').innerText()).toContain(`Fabrikam Reseller (tenant ${FABRIKAM_TENANT})`);
    expect(await page.locator('textarea').inputValue()).toContain(`indirectCSPId=${FABRIKAM_TENANT}`);
    expect(await panel.locator('.sticky-actions [role="status"]').innerText()).toContain('send it to the global administrator of taken.onmicrosoft.com');
    await page.close();
    await panel.close();
  }, 60_000);

  it('should choose nothing and ask the person when the page lists resellers by Partner ID only (Japanese)', async () => {
    const page = await openRequestPage('ja', 'resellers=partner-ids');
    const panel = await openPanelWithDraft(env.launched.context, env.launched.extensionId, draftFor('ja', 'taken', { associated_partner_id: FABRIKAM_TENANT }), { language: 'ja' });
    const report = await fillFromPanel(panel, 'ja', WORDS.ja.reseller);
    expect(await report.locator('.report-item.status-to-check .report-message').innerText()).toContain(`レコードにはリセラーのテナント ID ${FABRIKAM_TENANT} しかありません。何も選択していません。`);
    expect(await page.getByLabel('間接リセラー').inputValue()).toBe('');
    expect(await page.locator('textarea').inputValue()).not.toContain('indirectCSPId');
    // The invitation is not ready to send while the reseller waits for a person.
    expect(await panel.locator('.sticky-actions [role="status"]').innerText()).not.toContain('招待をコピー');
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-reseller-to-check-ja.png') });
    await page.close();
    await panel.close();
  }, 60_000);
});

describe('a domain the wizard calls taken only by a status icon (?taken=status-only)', () => {
  it.each([
    ['en', 'The page shows taken.onmicrosoft.com as taken ("Not available"). If this customer already has a tenant under that name, do not create it again: send it a reseller relationship request'],
    ['ja', 'ページでは taken.onmicrosoft.com は使用済みと表示されています (「使用できません」)。このお客様がすでにこの名前のテナントをお持ちなら、作成し直さずにリセラー関係の要求を送ってください'],
  ] as const)('should report the domain rejected, saying it is taken and what to do (%s)', async (lang, said) => {
    const wizard = await openWizard(env.launched.context, lang, 'taken=status-only');
    const panel = await openPanelWithDraft(env.launched.context, env.launched.extensionId, draftFor(lang, 'taken'), { language: lang });
    const report = await fillFromPanel(panel, lang, WORDS[lang].account);
    // The page itself shows no error text for the domain, only its icon.
    expect(await wizard.locator('.field-error:visible').count()).toBe(0);
    expect(await wizard.getByRole('img', { name: lang === 'en' ? 'Not available' : '使用できません' }).count()).toBe(1);
    const domain = report.locator('.report-item.status-rejected');
    expect(await domain.count()).toBe(1);
    expect(await domain.locator('.report-message').innerText()).toContain(said);
    await wizard.close();
    await panel.close();
  }, 60_000);
});
