// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupUiTest } from '../../../test/support/ui/setup-ui-test.ts';
import { recordConfirmedCustomer } from '../state/confirmed-customers.ts';
import { ConfirmationBanner } from './confirmation-notice.tsx';

const PAGE = 'https://partner.microsoft.com/dashboard/v2/customers/create/confirmation';

beforeEach(() => setupUiTest('en'));
afterEach(cleanup);

describe('ConfirmationBanner', () => {
  it('should warn while the Confirmation cannot be read, then say what was recorded once it is', async () => {
    render(<ConfirmationBanner />);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'confirmation-unsure', reason: 'user-hidden', pageUrl: PAGE }, {}, () => {});
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toMatch(/^The wizard's last page hides the admin user name behind “Show”, so nothing is recorded yet\. Press Show on the page: the user name will then be read and recorded\./);
    const confirmation = { type: 'confirmation', adminUserName: 'admin@contoso.onmicrosoft.com', domain: 'contoso.onmicrosoft.com', recordedAt: '2026-12-06T02:00:00.000Z', pageUrl: PAGE } as const;
    await fakeBrowser.runtime.onMessage.trigger(confirmation, {}, () => {});
    // The background keeps the history: until it has saved the name, the banner says only that it was read.
    expect((await screen.findByRole('status', {}, { timeout: 10_000 })).textContent).toBe('Confirmation read: admin user admin@contoso.onmicrosoft.com, being saved to History…');
    expect(screen.queryByRole('alert')).toBeNull();
    await recordConfirmedCustomer(confirmation);
    await screen.findByText(/admin user admin@contoso\.onmicrosoft\.com is in History/, {}, { timeout: 10_000 });
  });

  it('should not take an earlier record of the same admin user (a reload of the page) for this one', async () => {
    render(<ConfirmationBanner />);
    const confirmation = { type: 'confirmation', adminUserName: 'admin@fabrikam.onmicrosoft.com', domain: 'fabrikam.onmicrosoft.com', recordedAt: '2026-12-06T02:10:00.000Z', pageUrl: PAGE } as const;
    await recordConfirmedCustomer({ ...confirmation, recordedAt: '2026-12-06T01:00:00.000Z' });
    await fakeBrowser.runtime.onMessage.trigger(confirmation, {}, () => {});
    expect((await screen.findByRole('status', {}, { timeout: 10_000 })).textContent).toContain('being saved to History');
    await recordConfirmedCustomer(confirmation);
    await screen.findByText(/admin user admin@fabrikam\.onmicrosoft\.com is in History/, {}, { timeout: 10_000 });
  });

  it('should take only a confirmation-unsure message that carries nothing more than its reason (never page text)', async () => {
    const { confirmationUnsureSchema } = await import('../../../shared/form/fill-messages.ts');
    expect(confirmationUnsureSchema.safeParse({ type: 'confirmation-unsure', reason: 'no-user', pageUrl: PAGE }).success).toBe(true);
    expect(confirmationUnsureSchema.safeParse({ type: 'confirmation-unsure', reason: 'no-user', pageUrl: PAGE, password: 'x' }).success).toBe(false);
    expect(confirmationUnsureSchema.safeParse({ type: 'confirmation-unsure', reason: 'because', pageUrl: PAGE }).success).toBe(false);
  });
});
