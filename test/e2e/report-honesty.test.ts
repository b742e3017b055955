import { describe, expect, it } from 'vitest';
import type { FieldReport, FillReport } from '../../shared/form/fill-messages.ts';
import { useExtensionOnReplica } from './support/extension-on-replica.ts';
import { ACCOUNT_INFO_KEYS, meantFields, submittedFields } from './support/submitted-fields.ts';
import { BROKEN_VARIANTS, GOOD_VARIANTS, recordFor } from './support/variant-records.ts';
import { openWizard, sendFromServiceWorker } from './support/wizard-page.ts';

/**
 * The report never lies: on every wizard version — including one that rewrites values and one that
 * refuses them — each field's verdict equals the comparison of what Submit would send with what the
 * person meant. "Filled" (or "skipped" for nothing meant) exactly when they are equal; otherwise
 * "to check", "rejected" or "not found", never "filled".
 */
const env = useExtensionOnReplica();

const cases = [...GOOD_VARIANTS, ...BROKEN_VARIANTS].flatMap((variant) => (['en', 'ja'] as const).map((lang) => ({ variant, lang })));

/** The page's own idea of what Submit would send now (the replica exposes it to tests). */
async function pendingSubmission(page: import('playwright-core').Page): Promise<{ customer: any; agreement: any }> {
  return page.evaluate(() => (window as any).replicaSubmission());
}

describe.each(cases)('fill report on the $variant wizard ($lang)', ({ variant, lang }) => {
  it('should give every field the verdict that the submitted record deserves', async () => {
    const record = recordFor(lang, `honest${variant}`);
    const page = await openWizard(env.launched.context, lang, `wizard=${variant}`);
    const report: FillReport = await sendFromServiceWorker(env.launched.serviceWorker, { type: 'fill', record, language: lang });
    expect(report.step).toBe('account-info');
    const { customer, agreement } = await pendingSubmission(page);
    const submitted = submittedFields(customer, agreement);
    const meant = meantFields(record);
    const verdicts = Object.fromEntries(report.fields.map((field: FieldReport) => [field.key, field]));
    for (const key of ACCOUNT_INFO_KEYS) {
      const same = submitted[key] === meant[key];
      const expected = meant[key] === undefined ? ['skipped'] : same ? ['filled'] : ['to-check', 'rejected', 'not-found'];
      expect(expected, `${key}: page would send ${JSON.stringify(submitted[key])}, meant ${JSON.stringify(meant[key])}; report says ${JSON.stringify(verdicts[key])}`).toContain(verdicts[key]?.status);
    }
    const needsPerson = report.fields.filter((field) => field.status !== 'filled' && field.status !== 'skipped');
    if (variant === 'rewrite') {
      // Not vacuous: the rewriting page did change values, and each one is flagged with what it shows.
      expect(needsPerson.map((field) => field.key)).toEqual(lang === 'en' ? ['city', 'mca_date'] : ['company_name', 'mca_date']);
      expect(needsPerson.every((field) => field.status === 'to-check' && field.message?.includes(lang === 'en' ? '"' : '「'))).toBe(true);
    } else if (variant === 'refuse') {
      expect(needsPerson.map((field) => [field.key, field.status])).toEqual([['postal_code', 'rejected'], ['mca_email', 'rejected']]);
      expect(needsPerson[0]!.message).toBe(lang === 'en' ? 'We could not verify this postal code for the address. Check it and enter it again.' : 'この住所の郵便番号を確認できませんでした。確認して入力し直してください。');
    } else {
      expect(needsPerson).toEqual([]);
    }
    await page.close();
  }, 60_000);
});
