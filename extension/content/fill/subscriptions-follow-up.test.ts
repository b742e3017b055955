// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import { createSubscriptionsMemory, FOLLOW_UP_WINDOW_MS, fillSubscriptionsWhenListed } from './subscriptions-follow-up.ts';
import { stepOptions } from '../../../test/support/content/step-options.ts';

const OFFER = 'CFQ7TTC0LF8R:0001:CFQ7TTC0K5DJ';
const record = { offers: [{ id: OFFER, quantity: 3 }] } as CustomerRecord;

/** The catalog as the page shows it once the server answered: a row with a checkbox that reveals a quantity box. */
function showCatalog(list: Element): void {
  list.removeAttribute('aria-busy');
  list.innerHTML = `<div role="listitem"><input type="checkbox" aria-label="Select Office 365 E3"><div>Office 365 E3</div><div>${OFFER}</div><div class="quantity"></div></div>`;
  const checkbox = list.querySelector('input')!;
  checkbox.addEventListener('click', () => {
    list.querySelector('.quantity')!.innerHTML = checkbox.checked ? '<input type="number" aria-label="Licenses" value="1">' : '';
  });
}

describe('createSubscriptionsMemory', () => {
  const withClock = () => {
    const clock = { now: 1000 };
    return { clock, memory: createSubscriptionsMemory(() => clock.now) };
  };

  it('should give the Account info record once, when Subscriptions shows within ten minutes', () => {
    const { clock, memory } = withClock();
    memory.accountInfoFilled(record, 'ja');
    expect(memory.takeFor('account-info')).toBeUndefined();
    expect(memory.takeFor(undefined)).toBeUndefined();
    clock.now += FOLLOW_UP_WINDOW_MS;
    expect(memory.takeFor('subscriptions')).toEqual({ record, uiLanguage: 'ja' });
    expect(memory.takeFor('subscriptions')).toBeUndefined();
    expect(FOLLOW_UP_WINDOW_MS).toBe(600_000);
  });

  it('should give nothing after ten minutes, for a record without offers, or once another fill started', () => {
    const { clock, memory } = withClock();
    memory.accountInfoFilled(record, 'en');
    clock.now += FOLLOW_UP_WINDOW_MS + 1;
    expect(memory.takeFor('subscriptions')).toBeUndefined();
    memory.accountInfoFilled(record, 'en');
    memory.accountInfoFilled({ ...record, offers: [] }, 'en');
    expect(memory.takeFor('subscriptions')).toBeUndefined();
    memory.accountInfoFilled(record, 'en');
    memory.fillStarted();
    expect(memory.takeFor('subscriptions')).toBeUndefined();
  });
});

describe('fillSubscriptionsWhenListed', () => {
  it('should wait while the catalog is loading, then tick the offer and type its quantity', async () => {
    document.body.innerHTML = '<div id="list" role="list" aria-busy="true"><div>Loading…</div></div><button>Next: Review</button>';
    const list = document.getElementById('list')!;
    const filling = fillSubscriptionsWhenListed(record, stepOptions());
    // The scenario is time passing: the catalog arrives later, after the fill started waiting.
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
    const filling = fillSubscriptionsWhenListed(record, stepOptions('en', controller.signal));
    controller.abort();
    expect(await filling).toBeNull();
  });
});
