import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FieldReport } from '../../shared/form/fill-messages.ts';
import { SCREENSHOT_DIR } from './support/screenshot-dir.ts';
import { useExtensionOnReplica } from './support/extension-on-replica.ts';
import { collectedReports, collectFillReports } from './support/fill-reports-in-worker.ts';
import { ACCOUNT_INFO_KEYS, meantFields, submittedFields } from './support/submitted-fields.ts';
import { GOOD_VARIANTS, OFFICE_E3, recordFor } from './support/variant-records.ts';
import { openWizard, sendFromServiceWorker } from './support/wizard-page.ts';

/**
 * Every fill on every version of the wizard the replica draws (`?wizard=…`), in English and
 * Japanese: the built extension fills Account info from a record, follows the person to
 * Subscriptions, and the customer the person then submits is, field by field, the record typed.
 */
const env = useExtensionOnReplica();

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await collectFillReports(env.launched.serviceWorker);
});

/** The names the page gives Office 365 E3: its own on the versions that rename offers. */
const OFFICE_E3_NAME: Record<string, Record<'en' | 'ja', string>> = {
  classic: { en: 'Office 365 E3', ja: 'Office 365 E3' },
  shadow: { en: 'Office 365 E3', ja: 'Office 365 E3' },
  v8: { en: 'Microsoft 365 E3', ja: 'Microsoft 365 E3' },
  v9: { en: 'Microsoft 365 E3', ja: 'Microsoft 365 E3' },
};

const cases = GOOD_VARIANTS.flatMap((variant) => (['en', 'ja'] as const).map((lang) => ({ variant, lang })));

describe.each(cases)('fill on the $variant wizard ($lang)', ({ variant, lang }) => {
  it('should fill every field, report each as the page shows it, and submit exactly the record typed', async () => {
    const record = recordFor(lang, variant);
    // `run` is ignored by the page; it tells this test's reports from the others'.
    const page = await openWizard(env.launched.context, lang, `wizard=${variant}&run=${record.domain}`);
    const report = await sendFromServiceWorker(env.launched.serviceWorker, { type: 'fill', record, language: lang });
    expect(report.step).toBe('account-info');
    const meant = meantFields(record);
    const statuses = Object.fromEntries(report.fields.map((field: FieldReport) => [field.key, field.status]));
    // Every field with a value is read back as filled; the others are skipped (no signer phone stays empty).
    expect(statuses).toEqual(Object.fromEntries(ACCOUNT_INFO_KEYS.map((key) => [key, meant[key] === undefined ? 'skipped' : 'filled'])));
    if (variant === 'v8' && lang === 'en') await page.screenshot({ path: join(SCREENSHOT_DIR, 'replica-v8-filled-en.png'), fullPage: true });
    if (variant === 'v9' && lang === 'ja') await page.screenshot({ path: join(SCREENSHOT_DIR, 'replica-v9-filled-ja.png'), fullPage: true });

    const s = lang === 'ja' ? { next1: '次へ: サブスクリプション', next2: '次へ: レビュー', submit: '送信', done: '完了' } : { next1: 'Next: Subscriptions', next2: 'Next: Review', submit: 'Submit', done: 'Done' };
    await page.getByRole('button', { name: s.next1 }).click();
    await page.getByRole('button', { name: s.next2 }).waitFor();
    // The Subscriptions fill runs on its own; its report names offers as the page does.
    const tag = `run=${record.domain}`;
    await expect.poll(() => collectedReports(env.launched.serviceWorker, tag).then((reports) => reports.filter((sent) => sent.step === 'subscriptions').length), { timeout: 20_000 }).toBe(1);
    const [subscriptions] = (await collectedReports(env.launched.serviceWorker, tag)).filter((sent) => sent.step === 'subscriptions');
    expect(subscriptions!.fields).toEqual(
      record.offers.map((offer) => expect.objectContaining({ key: 'offers', offerId: offer.id, status: 'filled', ...(offer.id === OFFICE_E3 ? { label: OFFICE_E3_NAME[variant]![lang] } : {}) })),
    );
    // The extension left no search text behind (Playwright's locators see into the shadow variant's list too).
    await expect(page.locator('input[type=search]').inputValue()).resolves.toBe('');
    if (variant === 'v8' && lang === 'en') await page.screenshot({ path: join(SCREENSHOT_DIR, 'replica-v8-subscriptions-en.png'), fullPage: true });

    await page.getByRole('button', { name: s.next2 }).click();
    await page.getByRole('button', { name: s.submit }).click();
    await page.getByRole('button', { name: s.done }).waitFor({ timeout: 15_000 });

    const stored = [...env.backend.sandbox.state.customers.values()].find((customer) => customer.domain === `${record.domain}.onmicrosoft.com`);
    expect(stored, `no customer ${record.domain} in the sandbox`).toBeDefined();
    const agreement = env.backend.sandbox.state.agreements.find((candidate) => candidate.customerId === stored!.id);
    const submitted = submittedFields(stored!.resource, agreement && { ...agreement.primaryContact, dateAgreed: agreement.dateAgreed });
    for (const key of ACCOUNT_INFO_KEYS) expect(submitted[key], key).toEqual(meant[key]);
    const carts = [...env.backend.sandbox.state.carts.values()].filter((cart) => cart.customerId === stored!.id);
    const lines = carts.flatMap((cart) => (cart.resource as any).lineItems.map((line: any) => ({ id: line.catalogItemId, quantity: line.quantity })));
    expect(lines).toEqual(record.offers);
    await page.close();
  }, 60_000);
});
