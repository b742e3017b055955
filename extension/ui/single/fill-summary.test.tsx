// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldReport, FillReport } from '../../../shared/form/fill-messages.ts';
import { setupUiTest } from '../../../test/support/ui/setup-ui-test.ts';
import { currentSettings } from '../state/settings-state.ts';
import { FillSummary } from './fill-summary.tsx';

const resellerReport = (status: FieldReport['status']): FillReport => ({
  step: 'reseller-relationship',
  fields: [{ key: 'associated_partner_id', label: 'Indirect reseller', status }],
});
const summary = (report: FillReport): string => render(<FillSummary reports={[report]} expectsSubscriptions={false} domain="contoso" />).container.textContent ?? '';

const settings = currentSettings.value;
beforeEach(() => setupUiTest('en'));
afterEach(() => {
  cleanup();
  currentSettings.value = settings;
});

describe('FillSummary after a reseller relationship request', () => {
  it("should say what comes next, naming the domain with the cloud's suffix", () => {
    expect(summary(resellerReport('filled'))).toContain('the global administrator of contoso.onmicrosoft.com,');
    cleanup();
    currentSettings.value = { ...currentSettings.value, cloud: 'china' };
    expect(summary(resellerReport('filled'))).toContain('the global administrator of contoso.partner.onmschina.cn,');
  });

  it.each(['to-check', 'not-found'] as const)('should not send the invitation on while the reseller is %s', (status) => {
    expect(summary(resellerReport(status))).not.toContain('copy the invitation');
  });
});
