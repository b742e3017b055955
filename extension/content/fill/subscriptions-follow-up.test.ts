// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import { FOLLOW_UP_WINDOW_MS, fillSubscriptionsWhenListed, pendingSubscriptionsFor } from './subscriptions-follow-up.ts';

const OFFER = 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ';
const record = { offers: [{ id: OFFER, quantity: 3 }] } as CustomerRecord;
const options = (signal = new AbortController().signal) => ({ document, signal, pageLanguage: 'en' as const, uiLanguage: 'en' as const, hints: new Map() });

/** The catalog as the page shows it once the server answered: a row with a checkbox that reveals a quantity box. */
function showCatalog(list: Element): void {
  list.removeAttribute('aria-busy');
  list.innerHTML = `<div role="listitem"><input type="checkbox" aria-label="Select Office 365 E3"><div>Office 365 E3</div><div>${OFFER}</div><div class="quantity"></div></div>`;
  const checkbox = list.querySelector('input')!;
  checkbox.addEventListener('click', () => {
    list.querySelector('.quantity')!.innerHTML = checkbox.checked ? '<input type="number" aria-label="Licenses" value="1">' : '';
  });
}

describe('pendingSubscriptionsFor', () => {
  it('should remember a record with offers for ten minutes, and nothing for a record without offers', () => {
    expect(pendingSubscriptionsFor(record, 'ja', 1000)).toEqual({ record, uiLanguage: 'ja', expiresAt: 1000 + FOLLOW_UP_WINDOW_MS });
    expect(FOLLOW_UP_WINDOW_MS).toBe(600_000);
    expect(pendingSubscriptionsFor({ offers: [] } as unknown as CustomerRecord, 'en')).toBeUndefined();
  });
});

describe('fillSubscriptionsWhenListed', () => {
  it('should wait while the catalog is loading, then tick the offer and type its quantity', async () => {
    document.body.innerHTML = '<div id="list" role="list" aria-busy="true"><div>Loading…</div></div><button>Next: Review</button>';
    const list = document.getElementById('list')!;
    const filling = fillSubscriptionsWhenListed(record, options());
    // The catalog arrives later, after the fill started waiting.
    await new Promise((resolve) => setTimeout(resolve, 30));
    showCatalog(list);
    const report = await filling;
    expect(report).toEqual({
      step: 'subscriptions',
      fields: [{ key: 'offers', label: 'Office 365 E3', offerId: OFFER, status: 'filled' }],
      durationMs: expect.any(Number),
    });
    expect(list.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).toBe(true);
    expect(list.querySelector<HTMLInputElement>('input[type=number]')!.value).toBe('3');
  });

  it('should give up silently when stopped before the catalog shows', async () => {
    document.body.innerHTML = '<div role="list" aria-busy="true">Loading…</div>';
    const controller = new AbortController();
    const filling = fillSubscriptionsWhenListed(record, options(controller.signal));
    controller.abort();
    expect(await filling).toBeNull();
  });
});
