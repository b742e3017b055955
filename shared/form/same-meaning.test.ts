import { describe, expect, it } from 'vitest';
import { agrees } from './same-meaning.ts';
import { dateTexts, showsDate } from './same-date.ts';
import { samePhone } from './same-phone.ts';
import { offerIdsIn, shownIdNames } from './offer-ids.ts';

describe('showsDate', () => {
  it.each([
    ['2026-03-05'], ['3/5/2026'], ['03/05/2026'], ['2026/03/05'], ['2026/3/5'], ['Thu Mar 05 2026'],
    ['March 5, 2026'], ['Thursday, March 5, 2026'], ['Mar 5, 2026'], ['5 March 2026'], ['2026年3月5日'], ['2026年3月5日木曜日'],
  ])('should read %s as 5 March 2026', (shown) => {
    expect(showsDate(shown, '2026-03-05')).toBe(true);
  });

  it.each([['5/3/2026'], ['2026/05/03'], ['Tue Mar 03 2026'], [''], ['Select a date']])('should not read %s as 5 March 2026', (shown) => {
    expect(showsDate(shown, '2026-03-05')).toBe(false);
  });

  it('should give the toDateString form of a picker that commits on blur', () => {
    expect(dateTexts('2025-03-15')).toContain('Sat Mar 15 2025');
  });
});

describe('samePhone', () => {
  it.each([
    ['+14255550101', '+14255550101'], ['(425) 555-0101', '+14255550101'], ['+1 425-555-0101', '+14255550101'],
    ['03-1234-5678', '+81312345678'], ['+81 3-1234-5678', '+81312345678'], ['0081312345678', '+81312345678'],
  ])('should read %s as %s', (shown, meant) => {
    expect(samePhone(shown, meant)).toBe(true);
  });

  it.each([['+14255550199', '+14255550101'], ['', '+14255550101'], ['5550101', '+14255550101'], ['04-1234-5678', '+81312345678']])('should not read %s as %s', (shown, meant) => {
    expect(samePhone(shown, meant)).toBe(false);
  });
});

describe('agrees', () => {
  it('should compare free text exactly, so a page that folds full-width characters disagrees', () => {
    const meant = { type: 'text' as const, text: '株式会社ＨＸ７ダッシュ', matches: ['株式会社ＨＸ７ダッシュ'], meaning: 'free' as const };
    expect(agrees(meant, { kind: 'text', text: '株式会社ＨＸ７ダッシュ' })).toBe(true);
    expect(agrees(meant, { kind: 'text', text: '株式会社HX7ダッシュ' })).toBe(false);
    expect(agrees({ ...meant, text: 'Redmond', matches: ['Redmond'] }, { kind: 'text', text: 'REDMOND' })).toBe(false);
  });

  it('should compare a choice by any of its names or codes', () => {
    const meant = { type: 'text' as const, text: 'WA', matches: ['WA', 'Washington', 'US-WA'], meaning: 'choice' as const };
    expect(agrees(meant, { kind: 'text', text: 'Washington' })).toBe(true);
    expect(agrees(meant, { kind: 'text', text: 'Wisconsin', value: 'WI' })).toBe(false);
    expect(agrees(meant, { kind: 'text', text: '', value: 'WA' })).toBe(true);
  });

  it('should compare dates by meaning and checkboxes by state', () => {
    expect(agrees({ type: 'date', iso: '2025-03-15', text: '3/15/2025' }, { kind: 'text', text: 'Sat Mar 15 2025' })).toBe(true);
    expect(agrees({ type: 'date', iso: '2025-03-15', text: '2025/03/15' }, { kind: 'text', text: '2025年3月15日' })).toBe(true);
    expect(agrees({ type: 'boolean', checked: true }, { kind: 'checkbox', checked: false })).toBe(false);
  });

  it('should compare emails without regard to case', () => {
    expect(agrees({ type: 'text', text: 'Ana@Contoso.example', matches: [], meaning: 'email' }, { kind: 'text', text: 'ana@contoso.example' })).toBe(true);
  });
});

describe('offer ids', () => {
  it('should find catalog ids and GUIDs in a row text', () => {
    expect(offerIdsIn('Microsoft 365 E3 (CFQ7TTC0LF8R:0001) monthly')).toEqual(['CFQ7TTC0LF8R:0001']);
    expect(offerIdsIn('Legacy 3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14')).toEqual(['3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14']);
    expect(offerIdsIn('Microsoft 365 E3')).toEqual([]);
  });

  it('should match PRODUCT:SKU, the whole id, but never a product alone or another SKU', () => {
    const id = 'CFQ7TTC0LCHC:0002:CFQ7TTC0K5CM';
    expect(shownIdNames('CFQ7TTC0LCHC:0002', id)).toBe(true);
    expect(shownIdNames('cfq7ttc0lchc:0002:cfq7ttc0k5cm', id)).toBe(true);
    expect(shownIdNames('CFQ7TTC0LCHC:0001', id)).toBe(false);
    expect(shownIdNames('CFQ7TTC0LCHC', id)).toBe(false);
    expect(shownIdNames('CFQ7TTC0LCHC:0002:OTHER0000000', id)).toBe(false);
  });
});
