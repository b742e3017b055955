import { describe, expect, it } from 'vitest';
import type { FillReport } from '../../../shared/form/fill-messages.ts';
import { mergeFillReport } from './merge-fill-report.ts';

const account = (filled: number): FillReport => ({ step: 'account-info', fields: Array.from({ length: filled }, () => ({ key: 'city', label: 'City', status: 'filled' as const })) });
const subscriptions: FillReport = { step: 'subscriptions', fields: [] };
const noWizard: FillReport = { step: null, fields: [] };

describe('mergeFillReport', () => {
  it.each([
    ['adds a step after an earlier one', [account(1)], subscriptions, ['account-info', 'subscriptions']],
    ['keeps wizard order when the later step came first', [subscriptions], account(1), ['account-info', 'subscriptions']],
    ['replaces the report of the same step', [account(1), subscriptions], account(2), ['account-info', 'subscriptions']],
    ['shows only the no-wizard report', [account(1), subscriptions], noWizard, [null]],
    ['drops a no-wizard report once a step is filled', [noWizard], subscriptions, ['subscriptions']],
  ])('should %s', (_, reports, report, steps) => {
    expect(mergeFillReport(reports, report).map((r) => r.step)).toEqual(steps);
  });

  it('should keep the newest report of a step', () => {
    expect(mergeFillReport([account(1)], account(2))[0]!.fields).toHaveLength(2);
  });
});
