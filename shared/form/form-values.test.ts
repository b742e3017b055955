import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../customer/customer-record.ts';
import { formatDateForPage, recordToFormValues } from './form-values.ts';

const record: CustomerRecord = {
  company_name: 'Contoso Ltd',
  domain: 'contoso123',
  country: 'US',
  address_line1: 'One Microsoft Way',
  city: 'Redmond',
  state: 'WA',
  postal_code: '98052',
  contact_first_name: 'Ana',
  contact_last_name: 'Diaz',
  contact_email: 'ana@contoso.example',
  contact_phone: '+14255550101',
  culture: 'en-US',
  language: 'ja',
  offers: [],
  term: 'P1M',
  billing_cycle: 'monthly',
  gdap_opt_in: false,
  mca: { date: '2026-03-05', first_name: 'Bo', last_name: 'Li', email: 'bo@contoso.example' },
};

describe('recordToFormValues', () => {
  it('should show the country by name in the page language and match it by code or name', () => {
    const en = recordToFormValues(record, 'en').country;
    const ja = recordToFormValues(record, 'ja').country;
    expect(en).toMatchObject({ type: 'text', text: 'United States of America' });
    expect(ja).toMatchObject({ type: 'text', text: 'アメリカ合衆国' });
    expect(en?.type === 'text' && en.matches).toEqual(expect.arrayContaining(['US', 'USA', 'United States']));
  });

  it('should match a state code by the state name', () => {
    const state = recordToFormValues(record, 'en').state;
    expect(state?.type === 'text' && state.matches).toEqual(expect.arrayContaining(['WA', 'Washington']));
    const mexico = recordToFormValues({ ...record, country: 'MX', state: 'NLE' }, 'en').state;
    expect(mexico?.type === 'text' && mexico.matches).toContain('Nuevo León');
  });

  it('should match a Japanese prefecture by its English name on an English page', () => {
    const tokyo = recordToFormValues({ ...record, country: 'JP', state: '東京都' }, 'en').state;
    expect(tokyo).toMatchObject({ type: 'text', text: '東京都' });
    expect(tokyo?.type === 'text' && tokyo.matches).toEqual(expect.arrayContaining(['Tokyo', 'JP-13']));
  });

  it('should carry booleans as checkbox states and the agreement only when accepted', () => {
    const values = recordToFormValues(record, 'en');
    expect(values.gdap_opt_in).toEqual({ type: 'boolean', checked: false });
    expect(values.mca_accepted).toEqual({ type: 'boolean', checked: true });
    expect(values.mca_phone).toBeUndefined();
    const noMca = recordToFormValues({ ...record, mca: undefined }, 'en');
    expect(noMca.mca_accepted).toEqual({ type: 'boolean', checked: false });
    expect(noMca.mca_first_name).toBeUndefined();
  });

  it('should name the language in the page language', () => {
    expect(recordToFormValues(record, 'en').language).toMatchObject({ text: 'Japanese' });
    expect(recordToFormValues(record, 'ja').language).toMatchObject({ text: '日本語' });
  });

  it('should write the agreement date in the page locale format', () => {
    expect(recordToFormValues(record, 'en').mca_date).toEqual({ type: 'date', iso: '2026-03-05', text: '3/5/2026' });
    expect(formatDateForPage('2026-11-25', 'ja')).toBe('2026/11/25');
  });
});
