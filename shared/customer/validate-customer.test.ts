import { describe, expect, it } from 'vitest';
import { validateCustomer, type CustomerValues } from './validate-customer.ts';
import { validateDraft } from './validate-draft.ts';
import { cloudHasMca } from '../partner-center/clouds.ts';

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
        // Free text is checked in NFKC but kept as written (trimmed).
        address_line1: '千代田区丸の内１－１－１',
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

  it('should make the primary contact the signer, phone included, only when no signer field is given', () => {
    const result = validateCustomer({ ...JAPANESE, mca_first_name: ' ', mca_last_name: '', mca_email: '' }, { now: NOW });
    expect(result.ok && result.record.mca).toEqual({ date: '2026-11-26', first_name: '太郎', last_name: '山田', email: 'taro@test.example', phone: '+81312345678' });
  });

  it('should keep a given signer to its own fields, with no phone when the row gives none', () => {
    const signer = { mca_first_name: '花子', mca_last_name: '佐藤', mca_email: 'hanako@test.example' };
    const result = validateCustomer({ ...JAPANESE, ...signer, mca_phone: '' }, { now: NOW });
    expect(result.ok && result.record.mca).toEqual({ date: '2026-11-26', first_name: '花子', last_name: '佐藤', email: 'hanako@test.example' });
    const withPhone = validateCustomer({ ...JAPANESE, ...signer, mca_phone: '090-1234-5678' }, { now: NOW });
    expect(withPhone.ok && withPhone.record.mca?.phone).toBe('+819012345678');
  });

  it('should not mix a partly given signer with the primary contact: the missing signer fields are required', () => {
    const result = validateCustomer({ ...JAPANESE, mca_first_name: '花子', mca_email: 'hanako@test.example' }, { now: NOW });
    expect(result.ok ? [] : result.problems.map((problem) => [problem.code, problem.field])).toEqual([['required', 'mca_last_name']]);
    if (!result.ok) {
      expect(result.problems[0]?.message.en).toMatch(/leave all signer fields empty/);
      expect(result.problems[0]?.message.ja).toContain('主要連絡先');
    }
  });

  it('should default culture and language from the country, language from a given culture', () => {
    const german = { ...JAPANESE, country: 'DE', state: '', postal_code: '10115', contact_phone: '', mca_accepted: '', offers: '' };
    expect(validateCustomer(german, { now: NOW })).toMatchObject({ ok: true, record: { culture: 'de-DE', language: 'de' } });
    expect(validateCustomer({ ...german, culture: 'fr-fr' }, { now: NOW })).toMatchObject({ ok: true, record: { culture: 'fr-FR', language: 'fr' } });
    expect(validateCustomer({ ...german, language: '日本語' }, { now: NOW })).toMatchObject({ ok: true, record: { language: 'ja' } });
  });
});

describe('validateCustomer: postal code by country', () => {
  const row = (country: string, postal_code: string): CustomerValues =>
    ({ ...JAPANESE, country, state: '', city: 'City', postal_code, contact_phone: '', mca_accepted: '', offers: '' });

  it.each([['RS', '11000'], ['GE', '0101'], ['EG', '11511'], ['PK', '44000'], ['KE', '00100']])('should accept %s %j as it is', (country, postal) => {
    expect(validateCustomer(row(country, postal), { now: NOW })).toMatchObject({ ok: true, record: { country, postal_code: postal } });
  });

  it.each([['RS', '1100000', '11000', 'Serbia'], ['GE', '01011', '0101', 'Georgia'], ['EG', '115', '11511', 'Egypt']])(
    'should refuse %s %j with the format of the country (e.g. %s)',
    (country, postal, example, name) => {
      const result = validateCustomer(row(country, postal), { now: NOW });
      expect(result).toMatchObject({ ok: false, problems: [{ code: 'invalid_postal_code', field: 'postal_code' }] });
      if (!result.ok) {
        expect(result.problems[0]?.message.en).toBe(`Postal code "${postal}" does not match the format of ${name}. Write it like ${example}.`);
        expect(result.problems[0]?.message.ja).toContain(`${example} のように入力してください`);
      }
    },
  );

  it.each(['RS', 'GE', 'PK'])('should require the postal code in %s', (country) => {
    const result = validateCustomer(row(country, ''), { now: NOW });
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'required', field: 'postal_code' }] });
    if (!result.ok) expect(result.problems[0]?.message.en).toBe(`Postal code is required for customers in ${country}. Fill it in.`);
  });

  it.each(['HK', 'QA', 'AE'])('should leave the postal code optional in %s, which has none', (country) => {
    // AE also needs a phone and a registration number (docs/contracts/partner-center.md §6): only the postal code counts here.
    for (const postal of ['', 'PO Box 12']) {
      const result = validateCustomer(row(country, postal), { now: NOW });
      expect(result.ok ? [] : result.problems.filter((problem) => problem.field === 'postal_code')).toEqual([]);
    }
  });
});

describe('validateCustomer: free text as written', () => {
  it('should send and fill company name, names, address lines and city as typed (trimmed), after checking their NFKC form', () => {
    const typed = { company_name: '\u3000株式会社ＨＸ７ ', contact_first_name: 'ﾀﾛｳ', address_line2: 'ビル　５Ｆ', city: ' 千代田区 ' };
    const result = validateCustomer({ ...JAPANESE, ...typed }, { now: NOW });
    expect(result.ok && result.record).toMatchObject({ company_name: '株式会社ＨＸ７', contact_first_name: 'ﾀﾛｳ', address_line2: 'ビル　５Ｆ', city: '千代田区' });
  });

  it('should still store the values with a format normalised', () => {
    const result = validateCustomer({ ...JAPANESE, domain: 'ＴＥＳＴ２', contact_phone: '０３－１２３４－５６７８' }, { now: NOW });
    expect(result.ok && [result.record.domain, result.record.contact_phone]).toEqual(['test2', '+81312345678']);
  });

  it('should refuse address lines 2 and 3 that are longer than 200 together (they are sent as one line)', () => {
    const result = validateCustomer({ ...JAPANESE, address_line2: 'あ'.repeat(150), address_line3: 'い'.repeat(50) }, { now: NOW });
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'too_long', field: 'address_line3' }] });
    expect(validateCustomer({ ...JAPANESE, address_line2: 'あ'.repeat(150), address_line3: 'い'.repeat(49) }, { now: NOW }).ok).toBe(true);
  });

  it('should measure the length limits on the checked form', () => {
    expect(validateCustomer({ ...JAPANESE, contact_first_name: 'Ａ'.repeat(51) }, { now: NOW })).toMatchObject({ ok: false, problems: [{ code: 'too_long', field: 'contact_first_name' }] });
  });
});

describe('validateCustomer: a "?" Excel wrote for a lost character', () => {
  const lossy = { now: NOW, lossyEncoding: true };
  it.each([
    ['company_name', 'M?ller GmbH'],
    ['contact_last_name', 'M?ller'],
    ['address_line1', 'Rua S?o Bento 1'],
    ['address_line2', 'Geb?ude 2'],
    ['city', 'S?o Paulo'],
    ['contact_first_name', '花?子'],
  ] as const)('should make %s %j invalid with the CSV UTF-8 hint when the file was CP932 or Windows-1252', (field, value) => {
    const result = validateCustomer({ ...JAPANESE, [field]: value }, lossy);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ code: 'lost_character', field })]);
    expect(result.problems[0]?.message.en).toContain('CSV UTF-8');
    expect(result.problems[0]?.message.ja).toContain('CSV UTF-8');
  });

  it.each([
    ['a question mark not between two letters', 'address_line1', 'Suite 5? (ask reception)'],
    ['a question mark after a digit', 'address_line1', '1?A Main St'],
    ['a field with a format', 'contact_email', 'taro@test.example'],
  ] as const)('should accept %s', (_label, field, value) => {
    expect(validateCustomer({ ...JAPANESE, [field]: value }, lossy).ok).toBe(true);
  });

  it('should accept the same "?" in a UTF-8 file, where it was typed', () => {
    const result = validateCustomer({ ...JAPANESE, contact_last_name: 'M?ller' }, { now: NOW });
    expect(result.ok && result.record.contact_last_name).toBe('M?ller');
  });

  it('should check the signer names too', () => {
    const result = validateCustomer({ ...JAPANESE, mca_first_name: 'J?rg', mca_last_name: 'Lee', mca_email: 'j@test.example' }, lossy);
    expect(result.ok ? [] : result.problems.map((problem) => [problem.code, problem.field])).toEqual([['lost_character', 'mca_first_name']]);
  });
});

describe('validateCustomer: MCA before purchases', () => {
  const withoutMca = { ...JAPANESE, mca_accepted: 'no', mca_date: '' };
  it('should make a global-cloud row with offers and no attestation invalid on mca_accepted, in EN and JA', () => {
    for (const options of [{ now: NOW }, { now: NOW, cloud: 'global' as const }]) {
      const result = validateCustomer(withoutMca, options);
      expect(result).toMatchObject({ ok: false, problems: [{ code: 'mca_required', field: 'mca_accepted' }] });
      if (!result.ok) {
        expect(result.problems[0]?.message.en).toMatch(/mca_accepted to true/);
        expect(result.problems[0]?.message.ja).toContain('mca_accepted');
      }
    }
    expect(validateCustomer({ ...withoutMca, mca_accepted: '' }, { now: NOW })).toMatchObject({ ok: false, problems: [{ code: 'mca_required' }] });
  });

  it.each(['usgov', 'china', 'germany'] as const)('should not ask for it in the %s cloud, where the agreement does not exist', (cloud) => {
    expect(cloudHasMca(cloud)).toBe(false);
    expect(validateCustomer(withoutMca, { now: NOW, mcaRequired: cloudHasMca(cloud) }).ok).toBe(true);
  });

  it('should not ask for it when the row orders nothing', () => {
    expect(validateCustomer({ ...withoutMca, offers: '' }, { now: NOW }).ok).toBe(true);
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
