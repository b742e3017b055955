// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import { stepOptions } from '../../../test/support/content/step-options.ts';
import { fillAccountInfo } from './fill-account-info.ts';
import { readBack } from './read-back.ts';

const input = (value: string, extra = ''): HTMLInputElement => {
  document.body.innerHTML = `<div class="field"><label for="f">Field</label><input id="f" ${extra}></div>`;
  const element = document.getElementById('f') as HTMLInputElement;
  element.value = value;
  return element;
};

describe('readBack', () => {
  it('should call a date filled when the picker shows the same day in another form', () => {
    expect(readBack(input('Sat Mar 15 2025'), { type: 'date', iso: '2025-03-15', text: '3/15/2025' }, 'en')).toEqual({ status: 'filled' });
  });

  it('should call a rewritten value "to check" and say what the page shows', () => {
    expect(readBack(input('REDMOND'), { type: 'text', text: 'Redmond', matches: ['Redmond'] }, 'en')).toEqual({ status: 'to-check', message: 'The page shows "REDMOND", not "Redmond".' });
  });

  it('should call a field the page marks invalid "rejected" with the page message, even when it holds the value', () => {
    document.body.innerHTML = '<div class="field"><input id="f" aria-invalid="true" aria-describedby="e"><div id="e" role="alert">Not a valid postal code.</div></div>';
    const element = document.getElementById('f') as HTMLInputElement;
    element.value = '98052';
    expect(readBack(element, { type: 'text', text: '98052', matches: ['98052'] }, 'en')).toEqual({ status: 'rejected', message: 'Not a valid postal code.' });
  });
});

describe('fillAccountInfo read-back', () => {
  const record = { company_name: 'Contoso', city: 'Redmond', country: 'US', domain: 'x', address_line1: '1 Way', contact_first_name: 'A', contact_last_name: 'B', contact_email: 'a@b.example', culture: 'en-US', language: 'en', offers: [], term: 'P1M', billing_cycle: 'monthly', gdap_opt_in: false } as CustomerRecord;

  it('should read each field from the control that replaced it after a re-render, and flag a value the page changed', async () => {
    document.body.innerHTML = '<form><h2>Company information</h2><div id="step"></div><button type="button">Next: Subscriptions</button></form>';
    const values: Record<string, string> = { company: '', city: '' };
    // A page that draws the step anew (new elements) after every change, and writes City in capitals.
    const draw = (): void => {
      const step = document.getElementById('step')!;
      step.innerHTML = `<label for="c">Company name</label><input id="c"><label for="t">City</label><input id="t">`;
      const company = document.getElementById('c') as HTMLInputElement;
      const city = document.getElementById('t') as HTMLInputElement;
      company.value = values.company!;
      city.value = values.city!;
      company.addEventListener('change', () => ((values.company = company.value), queueMicrotask(draw)));
      city.addEventListener('change', () => ((values.city = city.value.toUpperCase()), queueMicrotask(draw)));
    };
    draw();
    const reports = await fillAccountInfo(record, stepOptions());
    const byKey = Object.fromEntries(reports.map((report) => [report.key, report]));
    expect(byKey.company_name).toMatchObject({ status: 'filled' });
    expect(byKey.city).toMatchObject({ status: 'to-check', message: 'The page shows "REDMOND", not "Redmond".' });
  });

  it('should flag a text box that holds text the record has nothing for', async () => {
    document.body.innerHTML = '<h2>Company information</h2><label for="a2">Address line 2 (optional)</label><input id="a2" value="Left over"><button type="button">Next: Subscriptions</button>';
    const reports = await fillAccountInfo(record, stepOptions());
    expect(reports.find((report) => report.key === 'address_line2')).toMatchObject({ status: 'to-check', message: 'The page holds "Left over", but the record has nothing for this field.' });
  });
});
