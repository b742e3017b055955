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
      { key: 'offers', label: 'Microsoft 365 E5', offerId: 'CFQ7TTC0LFLZ:0002:CFQ7TTC0K5F5', status: 'not-found', message: 'No row shows the id CFQ7TTC0LFLZ:0002:CFQ7TTC0K5F5.' },
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

/** A list that shows rows only for a search, answered asynchronously; names are the page's own, ids are `PRODUCT:SKU`. */
function searchOnlyList(rows: { name: string; id: string }[]): HTMLInputElement {
  document.body.innerHTML = '<label for="q">Search offers</label><input id="q" type="search"><div id="results"></div><button>Next: Review</button>';
  const search = document.getElementById('q') as HTMLInputElement;
  const ticked = new Set<string>();
  const quantities = new Map<string, string>();
  search.addEventListener('input', () => {
    setTimeout(() => {
      const wanted = search.value.trim().toLowerCase();
      const shown = wanted ? rows.filter((row) => row.name.toLowerCase().includes(wanted) || row.id.toLowerCase().includes(wanted)) : [];
      const results = document.getElementById('results')!;
      results.replaceChildren(
        ...shown.map((row) => {
          const item = document.createElement('div');
          item.innerHTML = `<input type="checkbox"><span class="name">${row.name}</span><span class="id">${row.id}</span><input type="number" aria-label="Number of licenses">`;
          const box = item.querySelector<HTMLInputElement>('input[type=checkbox]')!;
          box.checked = ticked.has(row.id);
          box.addEventListener('click', () => (box.checked ? ticked.add(row.id) : ticked.delete(row.id)));
          const quantity = item.querySelector<HTMLInputElement>('input[type=number]')!;
          quantity.value = quantities.get(row.id) ?? '';
          quantity.addEventListener('input', () => quantities.set(row.id, quantity.value));
          return item;
        }),
      );
    }, 20);
  });
  return search;
}

describe('fillSubscriptions on a list that names offers differently and shows them only after a search', () => {
  const rows = [
    { name: 'Office 365 E3', id: 'CFQ7TTC0LFLX:0001' },
    { name: 'Microsoft 365 E3', id: 'CFQ7TTC0LF8R:0001' },
  ];

  it('should pick the row by the id it shows, not by our catalog name, name it as the page does, and clear the search', async () => {
    const search = searchOnlyList(rows);
    const reports = await fillSubscriptions({ offers: [{ id: 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ', quantity: 4 }] } as CustomerRecord, stepOptions());
    expect(search.value).toBe('');
    expect(reports).toEqual([{ key: 'offers', label: 'Microsoft 365 E3', offerId: 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ', status: 'filled' }]);
  });

  it('should report the quantity "to check" when the list forgets it on re-render', async () => {
    searchOnlyList(rows);
    // A page whose quantity box loses its value whenever the list is drawn again.
    document.getElementById('results')!.addEventListener('input', (event) => event.stopImmediatePropagation(), true);
    const reports = await fillSubscriptions({ offers: [{ id: 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ', quantity: 4 }] } as CustomerRecord, stepOptions());
    expect(reports).toEqual([
      { key: 'offers', label: 'Microsoft 365 E3', offerId: 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ', status: 'to-check', message: 'The number of licenses shows "", not 4.' },
    ]);
  });

  it('should give up on an offer the list does not have once the list settles, well before a fixed timeout', async () => {
    const search = searchOnlyList(rows);
    const started = performance.now();
    const reports = await fillSubscriptions({ offers: [{ id: 'CFQ7TTC0LH16:0001:CFQ7TTC0K5BL', quantity: 1 }] } as CustomerRecord, stepOptions());
    expect(performance.now() - started).toBeLessThan(1500);
    expect(search.value).toBe('');
    expect(reports).toEqual([
      {
        key: 'offers',
        label: 'Exchange Online (Plan 1)',
        offerId: 'CFQ7TTC0LH16:0001:CFQ7TTC0K5BL',
        status: 'not-found',
        message: 'No row shows the id CFQ7TTC0LH16:0001:CFQ7TTC0K5BL (searched the list for "CFQ7TTC0LH16:0001", "Exchange Online (Plan 1)", "Exchange Online").',
      },
    ]);
  });
});

/** A list that shows names only, no ids (`?offers=names-only` in the replica). */
function namesOnlyList(names: string[]): void {
  document.body.innerHTML = `<div role="list">${names
    .map((name) => `<div role="listitem"><input type="checkbox" aria-label="Select ${name}"><div class="name">${name}</div><input type="number" aria-label="Number of licenses"></div>`)
    .join('')}</div><button>Next: Review</button>`;
}

describe('fillSubscriptions on a list that shows names only', () => {
  const rowOf = (name: string) => [...document.querySelectorAll('[role=listitem]')].find((item) => item.querySelector('.name')!.textContent === name)!;

  it('should take the one row of the same name, whatever its case, spacing or brackets, and only show a person one that differs by a note', async () => {
    namesOnlyList(['Microsoft 365 Business Standard', 'microsoft 365  business basic (日本語版)', 'Exchange Online Plan 1', 'Exchange Online (Plan 2)']);
    const reports = await fillSubscriptions(
      { offers: [{ id: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', quantity: 5 }, { id: 'CFQ7TTC0LH16:0001:CFQ7TTC0K5BL', quantity: 2 }] } as CustomerRecord,
      stepOptions(),
    );
    expect(reports).toEqual([
      {
        key: 'offers',
        label: 'Microsoft 365 Business Basic',
        offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF',
        status: 'to-check',
        message:
          'The list shows no ids, and its only row close to this offer is "microsoft 365  business basic (日本語版)", which differs by a note in brackets and may be another product: nothing was ticked. Tick it yourself if it is this offer.',
      },
      { key: 'offers', label: 'Exchange Online Plan 1', offerId: 'CFQ7TTC0LH16:0001:CFQ7TTC0K5BL', status: 'filled' },
    ]);
    expect(rowOf('microsoft 365  business basic (日本語版)').querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).toBe(false);
    expect(rowOf('Exchange Online Plan 1').querySelector<HTMLInputElement>('input[type=number]')!.value).toBe('2');
    expect(rowOf('Exchange Online (Plan 2)').querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).toBe(false);
    expect(rowOf('Microsoft 365 Business Standard').querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).toBe(false);
  });

  it('should tick nothing and ask a person when two rows could be the offer', async () => {
    namesOnlyList(['Microsoft 365 E3', 'Microsoft 365 E3 (no Teams)']);
    const reports = await fillSubscriptions({ offers: [{ id: 'CFQ7TTC0LFLX:0001:CFQ7TTC0K5F0', quantity: 1 }] } as CustomerRecord, stepOptions());
    expect(reports).toEqual([
      {
        key: 'offers',
        label: 'Microsoft 365 E3',
        offerId: 'CFQ7TTC0LFLX:0001:CFQ7TTC0K5F0',
        status: 'to-check',
        message: 'The list shows no ids, and several rows could be this offer ("Microsoft 365 E3", "Microsoft 365 E3 (no Teams)"): nothing was ticked. Tick the right one yourself.',
      },
    ]);
    expect([...document.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].some((box) => box.checked)).toBe(false);
  });

  it('should never take a row named as another offer of our catalog', async () => {
    namesOnlyList(['Microsoft 365 E3', 'Microsoft 365 Business Basic']);
    const reports = await fillSubscriptions({ offers: [{ id: 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ', quantity: 1 }] } as CustomerRecord, stepOptions());
    expect(reports).toMatchObject([{ label: 'Office 365 E3', status: 'not-found' }]);
    expect([...document.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].some((box) => box.checked)).toBe(false);
  });
});
