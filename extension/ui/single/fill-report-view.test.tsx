// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldReport, FillReport } from '../../../shared/form/fill-messages.ts';
import { setupUiTest } from '../../../test/support/ui/setup-ui-test.ts';
import { FillReportView } from './fill-report-view.tsx';

const REPORT: FillReport = {
  step: 'account-info',
  fields: [
    { key: 'company_name', label: 'Company name', status: 'filled' },
    { key: 'address_line2', label: 'Address line 2', status: 'skipped' },
    { key: 'organization_registration_number', label: 'Organization registration ID', status: 'not-found' },
    { key: 'domain', label: 'Domain name', status: 'rejected', message: 'This domain name is not available.' },
  ],
};

beforeEach(() => setupUiTest('en'));
afterEach(cleanup);

describe('FillReportView', () => {
  it('should count each status and list what needs a person first', () => {
    render(<FillReportView report={REPORT} onPick={() => {}} pickState={{}} />);
    expect(screen.getByText('Filled: 1')).toBeTruthy();
    expect(screen.getByText('Not found: 1')).toBeTruthy();
    const items = screen.getAllByRole('listitem').map((item) => item.querySelector('.report-field')?.textContent);
    expect(items).toEqual(['Domain name', 'Organization registration ID', 'Company name', 'Address line 2']);
    expect(screen.getByText('This domain name is not available.')).toBeTruthy();
  });

  it('should name a required field no field map knows by the page\'s label, with the fields to check', () => {
    const report: FillReport = { step: 'account-info', fields: [...REPORT.fields, { key: 'unknown_field', label: 'Tax ID', status: 'to-check', message: 'A required field pc-onboard does not know: fill it by hand.' }] };
    render(<FillReportView report={report} onPick={() => {}} pickState={{}} />);
    const items = screen.getAllByRole('listitem').map((item) => item.querySelector('.report-field')?.textContent);
    expect(items.slice(0, 3)).toEqual(['Domain name', 'Tax ID', 'Organization registration ID']);
    expect(screen.getByText('To check: 1')).toBeTruthy();
  });

  it('should offer "Point at it on the page" for not-found fields only and pass the field on', () => {
    const picked: FieldReport[] = [];
    render(<FillReportView report={REPORT} onPick={(field) => picked.push(field)} pickState={{}} />);
    const buttons = screen.getAllByRole('button', { name: /Point at it on the page/ });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    expect(picked).toEqual([REPORT.fields[2]]);
  });

  it('should fold a long list of filled and skipped fields away and keep the fields to check in view', () => {
    const many: FillReport = {
      step: 'account-info',
      fields: [
        ...['company_name', 'city', 'state', 'postal_code', 'contact_first_name', 'contact_last_name'].map((key) => ({ key, label: key, status: 'filled' }) as FieldReport),
        { key: 'domain', label: 'Domain name', status: 'rejected', message: 'Taken.' },
      ],
    };
    render(<FillReportView report={many} onPick={() => {}} pickState={{}} />);
    const folded = screen.getByText('Filled and skipped fields (6)').closest('details')!;
    expect(folded.open).toBe(false);
    expect(folded.querySelectorAll('li')).toHaveLength(6);
    expect(screen.getByRole('region', { name: 'Account info: what was filled' }).querySelector('ul.report-list > li')?.textContent).toContain('Taken.');
  });

  it('should show a short list of filled fields open', () => {
    render(<FillReportView report={REPORT} onPick={() => {}} pickState={{}} />);
    expect(screen.getByText('Filled and skipped fields (2)').closest('details')!.open).toBe(true);
  });

  it('should say when the last pick found nothing, and offer it again', () => {
    render(<FillReportView report={REPORT} onPick={() => {}} pickState={{ 'organization_registration_number|Organization registration ID': 'failed' }} />);
    const button = screen.getByRole('button', { name: 'Nothing was picked — point at it again: Organization registration ID' });
    expect(button.textContent).toBe('Nothing was picked — point at it again');
  });

  it('should say when the tab shows no wizard step', () => {
    render(<FillReportView report={{ step: null, fields: [] }} onPick={() => {}} pickState={{}} />);
    expect(screen.getByRole('alert').textContent).toMatch(/does not show the Add customer wizard/);
  });

  it('should speak Japanese', () => {
    setupUiTest('ja');
    render(<FillReportView report={REPORT} onPick={() => {}} pickState={{}} />);
    expect(screen.getByText('入力済み: 1')).toBeTruthy();
    expect(screen.getByRole('button', { name: /ページ上で指定/ })).toBeTruthy();
  });
});
