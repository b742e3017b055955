import { describe, expect, it } from 'vitest';
import { validateCustomer, type CustomerValues } from './validate-customer.ts';
import { validateDraft } from './validate-draft.ts';

// 2026-11-25 12:00 UTC: "today in UTC+14" is 2026-11-26.
const NOW = new Date('2026-11-25T12:00:00Z');

const JAPANESE: CustomerValues = {
  company_name: ' 株式会社テスト ',
  domain: 'Test1.onmicrosoft.com',
  country: '日本',
  address_line1: '千代田区丸の内１－１－１',
  city: '千代田区',
  state: 'Tokyo',
  postal_code: '〒1000005',
  contact_first_name: '太郎',
  contact_last_name: '山田',
  contact_email: 'taro@test.example',
  contact_phone: '03-1234-5678',
  offers: 'cfq7ttc0lh18:0001:cfq7ttc0k5bf*5;',
  term: 'p1y',
  billing_cycle: 'ANNUAL',
  mca_accepted: 'はい',
  mca_date: '2026/11/26',
};

describe('validateCustomer', () => {
  it('should normalise a Japanese row into the record Partner Center needs', () => {
    const result = validateCustomer(JAPANESE, { now: NOW });
    expect(result).toEqual({
      ok: true,
      record: {
        company_name: '株式会社テスト',
        domain: 'test1',
        country: 'JP',
        address_line1: '千代田区丸の内1-1-1',
        city: '千代田区',
        state: '東京都',
        postal_code: '100-0005',
        contact_first_name: '太郎',
        contact_last_name: '山田',
        contact_email: 'taro@test.example',
        contact_phone: '+81312345678',
        culture: 'ja-JP',
        language: 'ja',
        offers: [{ id: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 5 }],
        term: 'P1Y',
        billing_cycle: 'annual',
        gdap_opt_in: true,
        mca: { date: '2026-11-26', first_name: '太郎', last_name: '山田', email: 'taro@test.example', phone: '+81312345678' },
      },
    });
  });

  it('should report one problem per defect, in column order, each with EN and JA text', () => {
    const result = validateCustomer({ ...JAPANESE, domain: 'test.com', postal_code: '123', contact_email: 'x@', mca_date: '2026-11-27' }, { now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.code, problem.field])).toEqual([
      ['invalid_domain', 'domain'],
      ['invalid_postal_code', 'postal_code'],
      ['invalid_email', 'contact_email'],
      ['invalid_date', 'mca_date'],
    ]);
    expect(result.problems[0]?.message.en).toContain('a new customer gets a new onmicrosoft.com domain');
    for (const problem of result.problems) expect(problem.message.ja).toMatch(/[ぁ-んァ-ン一-龯]/);
  });

  it('should not cascade from an unknown country to the fields that depend on it', () => {
    const result = validateCustomer({ ...JAPANESE, country: 'Atlantis' }, { now: NOW });
    expect(result.ok ? [] : result.problems.map((problem) => problem.field)).toEqual(['country']);
  });

  it('should accept the MCA date up to today in UTC+14 and refuse the day after', () => {
    // 2026-11-27 begins in UTC+14 at 2026-11-26 10:00 UTC.
    const before = new Date('2026-11-26T09:59:59Z');
    const after = new Date('2026-11-26T10:00:00Z');
    expect(validateCustomer({ ...JAPANESE, mca_date: '2026-11-26' }, { now: before }).ok).toBe(true);
    expect(validateCustomer({ ...JAPANESE, mca_date: '2026-11-27' }, { now: before }).ok).toBe(false);
    expect(validateCustomer({ ...JAPANESE, mca_date: '2026-11-27' }, { now: after }).ok).toBe(true);
    expect(validateCustomer({ ...JAPANESE, mca_date: '2026-11-28' }, { now: after }).ok).toBe(false);
  });

  it('should default the signer to the primary contact and use the signer columns when given', () => {
    const result = validateCustomer({ ...JAPANESE, mca_first_name: '花子', mca_email: 'hanako@test.example', mca_phone: '' }, { now: NOW });
    expect(result.ok && result.record.mca).toEqual({ date: '2026-11-26', first_name: '花子', last_name: '山田', email: 'hanako@test.example', phone: '+81312345678' });
  });

  it('should default culture and language from the country, language from a given culture', () => {
    const german = { ...JAPANESE, country: 'DE', state: '', postal_code: '10115', contact_phone: '', mca_accepted: '' };
    expect(validateCustomer(german, { now: NOW })).toMatchObject({ ok: true, record: { culture: 'de-DE', language: 'de' } });
    expect(validateCustomer({ ...german, culture: 'fr-fr' }, { now: NOW })).toMatchObject({ ok: true, record: { culture: 'fr-FR', language: 'fr' } });
    expect(validateCustomer({ ...german, language: '日本語' }, { now: NOW })).toMatchObject({ ok: true, record: { language: 'ja' } });
  });
});

describe('validateDraft', () => {
  it('should return problems keyed by field and skip empty required fields on request', () => {
    const draft = { domain: 'contoso.sharepoint.com', country: 'US', state: 'Tokyo' };
    const all = validateDraft(draft, { now: NOW });
    expect(all.company_name?.code).toBe('required');
    expect(all.domain?.code).toBe('invalid_domain');
    expect(all.state?.code).toBe('invalid_state');
    const typing = validateDraft(draft, { now: NOW, ignoreEmpty: true });
    expect(Object.keys(typing).sort()).toEqual(['domain', 'state']);
  });

  it('should return nothing for a valid customer', () => {
    expect(validateDraft(JAPANESE, { now: NOW })).toEqual({});
  });
});
