// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uiLanguage } from '../i18n/translate.ts';
import { settingsItem } from '../state/settings.ts';
import { setupUiTest } from '../../../test/support/ui/setup-ui-test.ts';
import { GERMANY_CLOSED } from '../../../shared/partner-center/cloud-retired-error.ts';
import { OptionsTab } from './options-tab.tsx';

beforeEach(() => setupUiTest('en'));
afterEach(cleanup);

describe('OptionsTab', () => {
  it('should default the worker URL to the local worker', () => {
    render(<OptionsTab />);
    expect((screen.getByLabelText('Worker URL') as HTMLInputElement).value).toBe('http://127.0.0.1:8787');
  });

  it('should save the URL, token and language, and switch the UI language at once', async () => {
    render(<OptionsTab />);
    fireEvent.input(screen.getByLabelText('Worker URL'), { target: { value: ' http://127.0.0.1:9999/ ' } });
    fireEvent.input(screen.getByLabelText('API token'), { target: { value: 'tok-123' } });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ja' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(uiLanguage.value).toBe('ja'));
    expect(await settingsItem.getValue()).toEqual({ workerUrl: 'http://127.0.0.1:9999', token: 'tok-123', language: 'ja', cloud: 'global' });
    expect(await screen.findByRole('heading', { name: 'オプション' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '接続をテスト' })).toBeTruthy();
  });

  it('should save the Partner Center cloud, and explain that Germany closed instead of saving it', async () => {
    render(<OptionsTab />);
    const cloud = screen.getByLabelText('Partner Center cloud') as HTMLSelectElement;
    expect([...cloud.options].map((option) => option.value)).toEqual(['global', 'usgov', 'china', 'germany']);
    fireEvent.change(cloud, { target: { value: 'germany' } });
    // The same sentence the worker answers with for a Germany import (shared/partner-center/cloud-retired-error.ts).
    expect(screen.getByRole('alert').textContent).toContain(`${GERMANY_CLOSED}: choose Global`);
    // Refused before anything is stored (the handler returns before its first await).
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.queryByText('Saved.')).toBeNull();
    expect((await settingsItem.getValue()).cloud).toBe('global');
    fireEvent.change(cloud, { target: { value: 'usgov' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await settingsItem.getValue()).cloud).toBe('usgov'));
  });

  it('should explain clearly when the worker does not answer', async () => {
    render(<OptionsTab />);
    fireEvent.input(screen.getByLabelText('Worker URL'), { target: { value: 'http://127.0.0.1:1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText(/The worker does not answer at this URL/, {}, { timeout: 10_000 })).toBeTruthy();
  });
});
