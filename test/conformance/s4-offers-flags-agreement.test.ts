import { describe, expect, it } from 'vitest';
import { BASE_US, looksLikeSentence, oneRowCsv, readCsv, recordOf, verdict, verdictOf } from './conformance-support.ts';

// docs/contracts/csv.md §4: offers, term, billing cycle, booleans, MCA date and signer. NOW is 2026-11-25 12:00 UTC.

const BASIC = 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF';
const STANDARD = 'CFQ7TTC0LDPB:0001:CFQ7TTC0K5C2';
const LEGACY = '3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14';
/** A global-cloud row that orders needs the MCA attestation (§4 "MCA and offers"). */
const ORDERING = { ...BASE_US, mca_accepted: 'yes', mca_date: '2026-11-01' };

describe('§4 offers', () => {
  it.each([
    [BASIC, [{ id: BASIC, quantity: 1 }]],
    [`${BASIC}*5`, [{ id: BASIC, quantity: 5 }]],
    [` ${BASIC} * 5 ; ${STANDARD} `, [{ id: BASIC, quantity: 5 }, { id: STANDARD, quantity: 1 }]],
    [`${BASIC}*2;`, [{ id: BASIC, quantity: 2 }]],
    [`${BASIC.toLowerCase()}*0003`, [{ id: BASIC, quantity: 3 }]],
    [`${BASIC}*10000`, [{ id: BASIC, quantity: 10000 }]],
    [`${BASIC}*0000000005`, [{ id: BASIC, quantity: 5 }]],
    [`${BASIC}*${'0'.repeat(20)}10000`, [{ id: BASIC, quantity: 10000 }]],
    [LEGACY.toLowerCase(), [{ id: LEGACY, quantity: 1 }]],
    [`${BASIC}＊２`, [{ id: BASIC, quantity: 2 }]],
    ['', []],
  ])('%j → %j', async (input, offers) => {
    expect((await recordOf({ offers: input }, ORDERING)).offers).toEqual(offers);
  });
  it.each([
    [`${BASIC}*0`, 'quantity 0'],
    [`${BASIC}*10001`, 'quantity above 10000'],
    [`${BASIC}*0000010001`, 'quantity above 10000 after leading zeros'],
    [`${BASIC}*0000000000`, 'zero written with ten digits'],
    [`${BASIC}*123456789012`, 'twelve digits'],
    [`${BASIC}*-1`, 'negative'],
    [`${BASIC}*1.5`, 'fraction'],
    [`${BASIC}*two`, 'not a number'],
    [`${BASIC}*`, 'empty quantity'],
    [`*3`, 'empty id'],
    [`${BASIC};${BASIC.toLowerCase()}*2`, 'same id twice (any case)'],
    [`${BASIC};;${STANDARD}`, 'empty item in the middle'],
    ['Microsoft 365 Business Basic', 'a name, not an id'],
    ['CFQ7TTC0LH18:0001', 'two parts only'],
    ['CFQ7TTC0LH18-0001-CFQ7TTC0K5BF', 'wrong separator'],
    ['3C4A1E0B-7D2F-4E8A-9B61', 'short GUID'],
    [`${BASIC}*2*3`, 'two stars'],
  ])('%j → invalid_offers (%s)', async (input) => {
    const v = await verdict({ offers: input }, ORDERING);
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_offers', field: 'offers' });
    expect(looksLikeSentence(v.en, 'en')).toBe(true);
    expect(looksLikeSentence(v.ja, 'ja')).toBe(true);
  });
  it.each(['10001', '0000010001', '00000000000000100000', '123456789012'])('a quantity %j above 10000 is refused with the range message', async (quantity) => {
    expect(await verdict({ offers: `${BASIC}*${quantity}` }, ORDERING)).toMatchObject({
      en: `The quantity "${quantity}" of offer ${BASIC} must be a whole number from 1 to 10000 (write ID*5 for five licences).`,
      ja: `オファー ${BASIC} の数量 "${quantity}" は 1～10000 の整数で入力してください（5 ライセンスなら ID*5）。`,
    });
  });
});

describe('§4 term and billing_cycle', () => {
  it('defaults P1M / monthly', async () => {
    expect(await recordOf({ offers: BASIC }, ORDERING)).toMatchObject({ term: 'P1M', billing_cycle: 'monthly' });
  });
  it.each([
    ['p1y', 'ANNUAL', 'P1Y', 'annual'],
    ['P3Y', 'Monthly', 'P3Y', 'monthly'],
    ['P1Y', '', 'P1Y', 'monthly'],
    ['', 'monthly', 'P1M', 'monthly'],
  ])('term %j cycle %j → %s %s', async (term, billing, storedTerm, storedCycle) => {
    expect(await recordOf({ offers: BASIC, term, billing_cycle: billing }, ORDERING)).toMatchObject({ term: storedTerm, billing_cycle: storedCycle });
  });
  it('P1M with annual is invalid, error_field billing_cycle', async () => {
    expect(await verdict({ offers: BASIC, term: 'P1M', billing_cycle: 'annual' }, ORDERING)).toMatchObject({ status: 'invalid', code: 'invalid_billing_cycle', field: 'billing_cycle' });
    expect(await verdict({ offers: BASIC, term: '', billing_cycle: 'Annual' }, ORDERING)).toMatchObject({ status: 'invalid', field: 'billing_cycle' });
  });
  it.each(['P2Y', '1 year', 'P1D'])('term %j → invalid_term', async (term) => {
    expect(await verdict({ offers: BASIC, term }, ORDERING)).toMatchObject({ status: 'invalid', code: 'invalid_term', field: 'term' });
  });
  it.each(['weekly', 'yearly?', 'one_time'])('billing_cycle %j → invalid_billing_cycle', async (billing) => {
    expect(await verdict({ offers: BASIC, term: 'P1Y', billing_cycle: billing }, ORDERING)).toMatchObject({ status: 'invalid', code: 'invalid_billing_cycle', field: 'billing_cycle' });
  });
  it('both are ignored when the row has no offers (even invalid ones)', async () => {
    expect((await verdict({ offers: '', term: 'P1M', billing_cycle: 'annual' }, ORDERING)).status).toBe('ok');
    expect((await verdict({ offers: '', term: 'garbage', billing_cycle: 'weekly' }, ORDERING)).status).toBe('ok');
    expect((await verdict({ offers: undefined, term: 'P9Y' }, ORDERING)).status).toBe('ok');
  });
});

describe('§4 booleans: true/false, yes/no, y/n, 1/0, はい/いいえ, case-insensitive, blank = default', () => {
  it.each([
    ['true', true], ['TRUE', true], ['yes', true], ['Yes', true], ['y', true], ['Y', true], ['1', true], ['はい', true], ['１', true],
    ['false', false], ['False', false], ['no', false], ['NO', false], ['n', false], ['0', false], ['いいえ', false],
  ] as const)('gdap_opt_in %j → %s', async (input, value) => {
    expect((await recordOf({ gdap_opt_in: input })).gdap_opt_in).toBe(value);
  });
  it('gdap_opt_in defaults to true; mca_accepted to false', async () => {
    const record = await recordOf({ gdap_opt_in: '  ', mca_accepted: '' });
    expect(record.gdap_opt_in).toBe(true);
    expect(record.mca).toBeUndefined();
  });
  it.each(['maybe', 't', 'ok', '2', 'はいはい'])('%j → invalid_boolean', async (input) => {
    expect(await verdict({ gdap_opt_in: input })).toMatchObject({ status: 'invalid', code: 'invalid_boolean', field: 'gdap_opt_in' });
    expect(await verdict({ mca_accepted: input })).toMatchObject({ status: 'invalid', code: 'invalid_boolean', field: 'mca_accepted' });
  });
});

describe('§4 mca_date and the signer', () => {
  const accepted = { mca_accepted: 'yes' };
  it.each([
    ['2026-11-01', '2026-11-01'],
    ['2026/11/01', '2026-11-01'],
    ['2026/1/5', '2026-01-05'],
    ['２０２６／１１／１', '2026-11-01'],
    ['2026-11-26', '2026-11-26'], // today in UTC+14
  ])('%j → %s', async (input, date) => {
    expect((await recordOf({ ...accepted, mca_date: input })).mca?.date).toBe(date);
  });
  it.each(['2026-11-27', '2027-01-01'])('%j is in the future everywhere on Earth → invalid_date', async (input) => {
    const v = await verdict({ ...accepted, mca_date: input });
    expect(v).toMatchObject({ status: 'invalid', code: 'invalid_date', field: 'mca_date' });
    expect(looksLikeSentence(v.en, 'en')).toBe(true);
  });
  it('the UTC+14 boundary: 2026-11-26 is allowed from 2026-11-25T10:00Z, not a second before', async () => {
    const file = (now: string) => readCsv(oneRowCsv({ mca_accepted: 'true', mca_date: '2026/11/26' }), { now: new Date(now) });
    expect((await file('2026-11-25T10:00:00Z')).rows[0]!.outcome.ok).toBe(true);
    expect(verdictOf((await file('2026-11-25T09:59:59Z')).rows[0]!)).toMatchObject({ status: 'invalid', code: 'invalid_date', field: 'mca_date' });
  });
  it.each(['11/01/2026', '2026-13-01', '2026-02-30', '2026-11', 'yesterday', '2026.11.01', '20261101'])('%j → invalid_date', async (input) => {
    expect(await verdict({ ...accepted, mca_date: input })).toMatchObject({ status: 'invalid', code: 'invalid_date', field: 'mca_date' });
  });
  it('required when mca_accepted is true', async () => {
    expect(await verdict({ ...accepted, mca_date: '' })).toMatchObject({ status: 'invalid', code: 'required', field: 'mca_date' });
    expect(await verdict({ ...accepted, mca_date: undefined })).toMatchObject({ status: 'invalid', code: 'required', field: 'mca_date' });
  });
  it('the mca_* fields are ignored unless mca_accepted is true (even invalid ones)', async () => {
    const junk = { mca_date: 'not a date', mca_email: 'not an email', mca_phone: 'x', mca_first_name: 'a'.repeat(80) };
    const record = await recordOf({ ...junk, mca_accepted: 'no' });
    expect(record.mca).toBeUndefined();
    expect((await recordOf({ ...junk })).mca).toBeUndefined();
  });
  it('the signer is the primary contact, phone included, when no signer field is given', async () => {
    const record = await recordOf({ ...accepted, mca_date: '2026-11-01', contact_phone: '425 555 0100' });
    expect(record.mca).toEqual({ date: '2026-11-01', first_name: 'Ana', last_name: 'Diaz', email: 'ana@contoso.example', phone: '+14255550100' });
  });
  it('given signer fields win', async () => {
    const record = await recordOf({ ...accepted, mca_date: '2026-11-01', mca_first_name: 'Bob', mca_last_name: 'Lee', mca_email: 'bob@contoso.example', mca_phone: '+1 425 555 0101' });
    expect(record.mca).toEqual({ date: '2026-11-01', first_name: 'Bob', last_name: 'Lee', email: 'bob@contoso.example', phone: '+14255550101' });
  });
  it("a given signer without a phone keeps its phone empty (never the contact's)", async () => {
    const record = await recordOf({ ...accepted, mca_date: '2026-11-01', contact_phone: '425 555 0100', mca_first_name: 'Bob', mca_last_name: 'Lee', mca_email: 'bob@contoso.example' });
    expect(record.mca).toEqual({ date: '2026-11-01', first_name: 'Bob', last_name: 'Lee', email: 'bob@contoso.example' });
  });
  it.each([
    [{ mca_email: 'bob@contoso.example' }, 'mca_first_name'],
    [{ mca_first_name: 'Bob', mca_email: 'bob@contoso.example' }, 'mca_last_name'],
    [{ mca_first_name: 'Bob', mca_last_name: 'Lee' }, 'mca_email'],
  ])('a signer given in part %j is not completed from the contact: %s is required', async (signer, field) => {
    const v = await verdict({ ...accepted, mca_date: '2026-11-01', ...signer });
    expect(v).toMatchObject({ status: 'invalid', code: 'required', field });
    expect(looksLikeSentence(v.en, 'en')).toBe(true);
    expect(looksLikeSentence(v.ja, 'ja')).toBe(true);
  });
  it('the mca name fields have the 50-character limit when accepted', async () => {
    expect(await verdict({ ...accepted, mca_date: '2026-11-01', mca_first_name: 'a'.repeat(51) })).toMatchObject({ status: 'invalid', code: 'too_long', field: 'mca_first_name' });
  });
});

describe('§4 MCA and offers', () => {
  it.each(['', 'no', 'いいえ'])('a global-cloud row with offers and mca_accepted %j is invalid on mca_accepted (EN and JA)', async (accepted) => {
    const v = await verdict({ offers: BASIC, mca_accepted: accepted });
    expect(v).toMatchObject({ status: 'invalid', code: 'mca_required', field: 'mca_accepted' });
    expect(looksLikeSentence(v.en, 'en')).toBe(true);
    expect(looksLikeSentence(v.ja, 'ja')).toBe(true);
  });
  it('the offers column absent or empty needs no attestation', async () => {
    expect((await verdict({ offers: '' })).status).toBe('ok');
    expect((await verdict({ offers: undefined })).status).toBe('ok');
  });
  it.each(['usgov', 'china'] as const)('not in the %s cloud', async (cloud) => {
    const file = await readCsv(oneRowCsv({ offers: BASIC, mca_accepted: 'no' }), { cloud });
    expect(file.rows[0]!.outcome.ok).toBe(true);
  });
});
