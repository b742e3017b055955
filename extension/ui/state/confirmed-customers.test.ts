import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import background from '../../entrypoints/background.ts';
import { confirmedCustomersItem } from './confirmed-customers.ts';

const CONFIRMATION = {
  type: 'confirmation',
  adminUserName: 'admin@contoso.onmicrosoft.com',
  domain: 'contoso.onmicrosoft.com',
  recordedAt: '2026-11-25T10:00:00.000Z',
  pageUrl: 'https://partner.microsoft.com/dashboard/v2/customers/create',
} as const;

beforeEach(() => {
  fakeBrowser.reset();
  background.main();
});

describe('background: confirmed customers history', () => {
  it('should store the confirmation the content script sends, newest first', async () => {
    await fakeBrowser.runtime.onMessage.trigger(CONFIRMATION, {}, () => {});
    await fakeBrowser.runtime.onMessage.trigger(
      { ...CONFIRMATION, adminUserName: 'admin@fabrikam.onmicrosoft.com', domain: 'fabrikam.onmicrosoft.com' },
      {},
      () => {},
    );
    const stored = await confirmedCustomersItem.getValue();
    expect(stored.map((item) => item.adminUserName)).toEqual(['admin@fabrikam.onmicrosoft.com', 'admin@contoso.onmicrosoft.com']);
    expect(stored[1]).toEqual({
      adminUserName: CONFIRMATION.adminUserName,
      domain: CONFIRMATION.domain,
      recordedAt: CONFIRMATION.recordedAt,
      pageUrl: CONFIRMATION.pageUrl,
    });
  });

  it('should record the same admin user once when the confirmation page is reloaded', async () => {
    await fakeBrowser.runtime.onMessage.trigger(CONFIRMATION, {}, () => {});
    await fakeBrowser.runtime.onMessage.trigger({ ...CONFIRMATION, recordedAt: '2026-11-25T10:05:00.000Z' }, {}, () => {});
    const stored = await confirmedCustomersItem.getValue();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.recordedAt).toBe('2026-11-25T10:05:00.000Z');
  });

  it('should refuse a message that carries a password, and store nothing from it', async () => {
    await fakeBrowser.runtime.onMessage.trigger({ ...CONFIRMATION, password: 'Secr3t!' }, {}, () => {});
    expect(await confirmedCustomersItem.getValue()).toEqual([]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('Secr3t!');
  });

  it('should ignore messages that are not confirmations', async () => {
    await fakeBrowser.runtime.onMessage.trigger({ type: 'fill' }, {}, () => {});
    expect(await confirmedCustomersItem.getValue()).toEqual([]);
  });
});
