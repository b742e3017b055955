// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
import { fillSubscriptions } from './fill-subscriptions.ts';
import { stepOptions } from '../../../test/support/content/step-options.ts';

const record = {
  offers: [
    { id: 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ', quantity: 12 },
    { id: 'CFQ7TTC0LFLZ:0002:CFQ7TTC0K5F5', quantity: 1 },
  ],
} as CustomerRecord;

describe('fillSubscriptions (subscriptions-en.html)', () => {
  beforeEach(() => loadHtmlFixture('subscriptions-en.html'));

  it('should tick the offer row found by its id and type the number of licenses', async () => {
    const reports = await fillSubscriptions(record, stepOptions());
    const row = [...document.querySelectorAll('[role=listitem]')].find((item) => item.textContent!.includes('Office 365 E3'))!;
    expect(row.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).toBe(true);
    expect(row.querySelector<HTMLInputElement>('input[type=number]')!.value).toBe('12');
    const untouched = [...document.querySelectorAll('[role=listitem]')].find((item) => item.textContent!.includes('Business Basic'))!;
    expect(untouched.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).toBe(false);
    expect(reports).toEqual([
      { key: 'offers', label: 'Office 365 E3', offerId: 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ', status: 'filled' },
      { key: 'offers', label: 'Microsoft 365 E5', offerId: 'CFQ7TTC0LFLZ:0002:CFQ7TTC0K5F5', status: 'not-found', message: 'No row for CFQ7TTC0LFLZ:0002:CFQ7TTC0K5F5.' },
    ]);
  });
});

describe('fillSubscriptions on a grid whose cell holds name and id together', () => {
  it('should find the row by the id inside the cell and use a spinbutton as the quantity', async () => {
    document.body.innerHTML = `
      <div role="grid">
        <div role="row"><div role="gridcell"><div role="checkbox" aria-checked="false" aria-label="Select row" tabindex="0"></div></div>
          <div role="gridcell">Office 365 E3 (CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ)</div><div role="gridcell"><input role="spinbutton" value="1"></div></div>
        <div role="row"><div role="gridcell"><div role="checkbox" aria-checked="false" aria-label="Select row" tabindex="0"></div></div>
          <div role="gridcell">Microsoft 365 E3 (CFQ7TTC0LFLX:0001:CFQ7TTC0K5F0)</div><div role="gridcell"><input role="spinbutton" value="1"></div></div>
      </div>`;
    for (const box of document.querySelectorAll('[role=checkbox]')) {
      box.addEventListener('click', () => box.setAttribute('aria-checked', String(box.getAttribute('aria-checked') !== 'true')));
    }
    const reports = await fillSubscriptions({ offers: [{ id: 'CFQ7TTC0LFLX:0001:CFQ7TTC0K5F0', quantity: 7 }] } as CustomerRecord, stepOptions());
    const [first, second] = document.querySelectorAll('[role=row]');
    expect(first!.querySelector('[role=checkbox]')!.getAttribute('aria-checked')).toBe('false');
    expect(second!.querySelector('[role=checkbox]')!.getAttribute('aria-checked')).toBe('true');
    expect(second!.querySelector('input')!.value).toBe('7');
    expect(reports).toMatchObject([{ status: 'filled', offerId: 'CFQ7TTC0LFLX:0001:CFQ7TTC0K5F0' }]);
  });
});

describe('fillSubscriptions on a list that shows offers only after a search', () => {
  it('should type the offer name into the search box and wait for its row', async () => {
    document.body.innerHTML = '<label for="q">Search offers</label><input id="q" type="search"><div id="results"></div><button>Next: Review</button>';
    const search = document.getElementById('q') as HTMLInputElement;
    search.addEventListener('input', () => {
      // The list answers a search asynchronously, as one backed by the catalog API does.
      setTimeout(() => {
        document.getElementById('results')!.innerHTML = search.value.includes('Business Premium')
          ? '<div class="row"><input type="checkbox"><span>Microsoft 365 Business Premium</span><input type="number" aria-label="Number of licenses"></div>'
          : '';
      }, 20);
    });
    const reports = await fillSubscriptions({ offers: [{ id: 'cfq7ttc0lchc:0002:cfq7ttc0k5cm', quantity: 4 }] } as CustomerRecord, stepOptions());
    expect(search.value).toBe('Microsoft 365 Business Premium');
    expect(document.querySelector<HTMLInputElement>('#results input[type=checkbox]')!.checked).toBe(true);
    expect(document.querySelector<HTMLInputElement>('#results input[type=number]')!.value).toBe('4');
    expect(reports).toMatchObject([{ status: 'filled', label: 'Microsoft 365 Business Premium' }]);
  });
});
