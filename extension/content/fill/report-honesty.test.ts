// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { FormValue } from '../../../shared/form/form-values.ts';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
import { stepOptions } from '../../../test/support/content/step-options.ts';
import { US_CUSTOMER_RECORD } from '../../../test/support/form/us-customer-record.ts';
import { readPageOutline } from '../finders/page-outline.ts';
import { FILLERS } from '../fillers/index.ts';
import { detectCloud } from '../page/detect-cloud.ts';
import { fillAccountInfo } from './fill-account-info.ts';
import { readBack } from './read-back.ts';

/** Cases where the report must say what the page shows, not what the fill meant (docs/wizard-filling.md). */
const byKey = async (options = stepOptions('en')) => Object.fromEntries((await fillAccountInfo(US_CUSTOMER_RECORD, options)).map((report) => [report.key === 'unknown_field' ? `?${report.label}` : report.key, report]));
const element = (id: string) => document.getElementById(id) as HTMLInputElement;

describe('a required field no field map knows', () => {
  beforeEach(() => {
    loadHtmlFixture('account-info-en.html');
    element('TextField3').closest('div')!.insertAdjacentHTML('afterend', '<div class="ms-TextField"><label for="tax">Tax ID *</label><input id="tax" type="text"></div>');
  });

  it('should be listed to check under its own label and outlined, while known required fields are not', async () => {
    const reports = await byKey();
    expect(reports['?Tax ID']).toEqual({ key: 'unknown_field', label: 'Tax ID', status: 'to-check', message: 'A required field pc-onboard does not know: fill it by hand.' });
    expect(element('tax').getAttribute('data-pc-onboard-attention')).toBe('to-check');
    expect(Object.keys(reports).filter((key) => key.startsWith('?'))).toEqual(['?Tax ID']);
  });

  it('should say what it holds when the page filled it itself', async () => {
    element('tax').value = 'DE123';
    expect((await byKey())['?Tax ID']?.message).toBe('A required field pc-onboard does not know; it holds "DE123": check it.');
  });
});

describe('a radio group', () => {
  beforeEach(() => loadHtmlFixture('radio-group.html'));
  const group = () => document.querySelector('[role=radiogroup]')!;
  const japanese: FormValue = { type: 'text', text: 'Japanese', matches: ['Japanese', 'ja'], meaning: 'choice' };

  it('should be one field named by its label, a fieldset of radios by its legend', () => {
    expect(readPageOutline(document).map((control) => control.names[0])).toEqual(['Language *', 'Billing frequency']);
  });

  it('should be read back by the button that is checked', async () => {
    await FILLERS['radio-group'](group(), japanese, { signal: new AbortController().signal });
    expect(element('cg-ja').checked).toBe(true);
    expect(readBack(group(), japanese, 'en')).toEqual({ status: 'filled' });
  });

  it('should not be called filled when the page keeps another button checked after the click', async () => {
    element('cg-en').checked = true;
    // The page undoes the click on its next render, as a controlled group re-applies its own state.
    element('cg-ja').addEventListener('click', () => queueMicrotask(() => (element('cg-en').checked = true)));
    await FILLERS['radio-group'](group(), japanese, { signal: new AbortController().signal });
    expect(readBack(group(), japanese, 'en')).toEqual({ status: 'to-check', message: 'The page shows "English", not "Japanese".' });
  });
});

describe('fields the page fixes', () => {
  beforeEach(() => loadHtmlFixture('account-info-en.html'));

  it('should ask to pick a read-only date by hand, and call it filled once it shows the date', async () => {
    element('mca-date').readOnly = true;
    expect((await byKey()).mca_date).toEqual({ key: 'mca_date', label: 'Date of acceptance', status: 'to-check', message: 'This date picker takes no typing: open its calendar and pick 3/5/2026 by hand.' });
    expect(element('mca-date').value).toBe('');
    element('mca-date').value = 'March 5, 2026';
    expect((await byKey()).mca_date).toMatchObject({ status: 'filled' });
  });

  it('should judge a disabled box by the value it shows, never typing into it', async () => {
    element('TextField3').disabled = true;
    element('TextField3').value = 'Fabrikam';
    expect((await byKey()).company_name).toMatchObject({ status: 'to-check', message: expect.stringContaining('"Fabrikam"') });
    expect(element('TextField3').value).toBe('Fabrikam');
  });
});

describe('clouds', () => {
  it('should skip the agreement with a note in a cloud without attestation, told by the setting or by the domain suffix', async () => {
    loadHtmlFixture('account-info-en.html');
    const usgovReports = await fillAccountInfo(US_CUSTOMER_RECORD, { ...stepOptions('en'), cloud: 'usgov' });
    // One line for the whole agreement, not the same note on each of its fields.
    expect(usgovReports.filter((report) => report.key.startsWith('mca_'))).toEqual([
      { key: 'mca_accepted', label: 'Customer has accepted the Microsoft Customer Agreement', status: 'skipped', message: 'Not filled: there is no Microsoft Customer Agreement attestation in the US Government cloud.' },
    ]);
    expect(element('mca-fn').value).toBe('');
    document.getElementById('domain-suffix')!.textContent = '.partner.onmschina.cn';
    const china = await byKey({ ...stepOptions('ja'), uiLanguage: 'ja' });
    expect(china.mca_accepted).toMatchObject({ message: '入力しません: 21Vianet クラウドには Microsoft 顧客契約の同意確認はありません。' });
    expect(china.mca_date).toBeUndefined();
  });

  it('should take the cloud from the page where it shows it, and from the setting between global and US Government', () => {
    document.body.innerHTML = '<div><input id="d"><span>.partner.onmschina.cn</span></div><div><input id="g"><span>.onmicrosoft.com</span></div><input id="n">';
    expect(detectCloud('https://partner.microsoft.com', element('d'), 'global')).toBe('china');
    expect(detectCloud('https://partner.microsoft.com', element('g'), 'usgov')).toBe('usgov');
    expect(detectCloud('https://partner.microsoft.com', element('g'), 'china')).toBe('global');
    expect(detectCloud('https://partner.microsoftonline.cn', element('n'), 'global')).toBe('china');
    expect(detectCloud('https://partner.microsoft.com', undefined, 'usgov')).toBe('usgov');
  });
});

describe('a field found by a remembered pick that the record has nothing for', () => {
  beforeEach(() => {
    loadHtmlFixture('account-info-en.html');
    // A wizard version calls Address line 2 otherwise, and marks it required; the person pointed at it once.
    element('TextField3').closest('div')!.insertAdjacentHTML('afterend', '<div class="ms-TextField"><label for="street2">Street, second line *</label><input id="street2" type="text"></div>');
    document.querySelector('label:has(> input)')?.closest('div')?.remove();
  });

  it('should get one report line, skipped, and not a second one as an unknown required field', async () => {
    const options = { ...stepOptions('en'), hints: new Map([['address_line2' as const, { key: 'address_line2' as const, label: 'Street, second line', path: ['#street2'] }]]) };
    const record = { ...US_CUSTOMER_RECORD, address_line2: undefined };
    const reports = await fillAccountInfo(record, options);
    expect(reports.filter((report) => report.key === 'address_line2')).toEqual([{ key: 'address_line2', label: 'Address line 2', status: 'skipped' }]);
    expect(reports.filter((report) => report.key === 'unknown_field')).toEqual([]);
  });
});
