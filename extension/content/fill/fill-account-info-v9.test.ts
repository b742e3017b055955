// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import { emulateDropdownV9 } from '../../../test/support/content/emulate-fluent.ts';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
import { fillAccountInfo } from './fill-account-info.ts';
import { stepOptions } from '../../../test/support/content/step-options.ts';

/** A page built from the spec by someone else: other wording, other controls, same fields. */
const record: CustomerRecord = {
  company_name: 'Maple Ltd',
  domain: 'maple1',
  country: 'CA',
  address_line1: '1 Bay St',
  city: 'Toronto',
  state: 'ON',
  postal_code: 'M5J 2N8',
  contact_first_name: 'Ana',
  contact_last_name: 'Roy',
  contact_email: 'ana@maple.example',
  culture: 'en-CA',
  language: 'en',
  offers: [],
  term: 'P1M',
  billing_cycle: 'monthly',
  gdap_opt_in: false,
  mca: { date: '2026-02-01', first_name: 'Luc', last_name: 'Tremblay', email: 'luc@maple.example' },
};

const value = (id: string): string => (document.getElementById(id) as HTMLInputElement).value;

describe('fillAccountInfo on a Fluent v9 page (account-info-v9-en.html)', () => {
  beforeEach(() => {
    loadHtmlFixture('account-info-v9-en.html');
    emulateDropdownV9(document.getElementById('field-r1')!, ['Canada', 'Mexico', 'United States']);
  });

  it('should fill every field the page has, by its own wording', async () => {
    const reports = await fillAccountInfo(record, stepOptions());
    expect(document.getElementById('field-r1')!.textContent).toBe('Canada');
    expect(['field-r2', 'field-r3', 'field-r4', 'field-r5', 'field-r6'].map(value)).toEqual(['Maple Ltd', '1 Bay St', 'Toronto', 'ON', 'M5J 2N8']);
    expect(['field-r7', 'field-r8', 'field-r9', 'field-ra'].map(value)).toEqual(['Ana', 'Roy', 'ana@maple.example', 'maple1']);
    expect((document.getElementById('field-rb') as HTMLInputElement).checked).toBe(false);
    expect((document.getElementById('field-rc') as HTMLInputElement).checked).toBe(true);
    expect(['field-rd', 'field-re', 'field-rf', 'field-rg'].map(value)).toEqual(['2026-02-01', 'Luc', 'Tremblay', 'luc@maple.example']);
    const notFilled = reports.filter((report) => report.status !== 'filled' && report.status !== 'skipped');
    expect(notFilled.map((report) => report.key)).toEqual(['language']);
  });
});

describe('fillAccountInfo with a field revealed late by another choice', () => {
  it('should wait for State to appear after Country/region, and give up on a field that never comes', async () => {
    loadHtmlFixture('account-info-v9-en.html');
    const stateField = document.getElementById('field-r5')!.closest('.fui-Field')!;
    const anchor = stateField.nextElementSibling!;
    stateField.remove();
    const country = document.getElementById('field-r1')!;
    emulateDropdownV9(country, ['Canada', 'Mexico', 'United States']);
    // The page shows State only once a country is chosen, and only after a round trip.
    country.addEventListener('click', () => {
      const observer = new MutationObserver(() => {
        if (country.textContent !== 'Canada') return;
        observer.disconnect();
        setTimeout(() => anchor.before(stateField), 100);
      });
      observer.observe(country, { childList: true, characterData: true, subtree: true });
    });
    const started = Date.now();
    const reports = await fillAccountInfo(
      { ...record, organization_registration_number: '123' },
      stepOptions(),
    );
    expect(value('field-r5')).toBe('ON');
    expect(reports.find((report) => report.key === 'state')).toMatchObject({ status: 'filled' });
    // Registration ID is revealed by the country on some pages: waited for two seconds, then not found.
    expect(reports.find((report) => report.key === 'organization_registration_number')).toMatchObject({ status: 'not-found' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });
});
