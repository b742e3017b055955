import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../shared/imports/import-types.ts';
import { setupUiTest } from '../../../test/support/ui/setup-ui-test.ts';
import { pauseMessage, queuedBy } from './import-annotations.ts';

const BASE = { id: 'imp-1', state: 'running' } as ImportSummary;
const withExtras = (extras: Record<string, unknown>) => ({ ...BASE, ...extras }) as ImportSummary;

beforeEach(() => setupUiTest('en'));

describe('pauseMessage', () => {
  it('should be silent for an import that is not paused', () => {
    expect(pauseMessage(BASE)).toBeUndefined();
    expect(pauseMessage(withExtras({ paused: false }))).toBeUndefined();
    expect(pauseMessage(undefined)).toBeUndefined();
  });

  it('should tell a person to sign in again when the sign-in is the reason, in EN and JA', () => {
    for (const paused of ['signin', 'sign-in', { reason: 'signin' }, { reason: 'sign_in_required' }]) {
      expect(pauseMessage(withExtras({ paused }))).toContain('Sign in again: pc-onboard login');
    }
    setupUiTest('ja');
    expect(pauseMessage(withExtras({ paused: 'signin' }))).toContain('pc-onboard login');
    expect(pauseMessage(withExtras({ paused: 'signin' }))).toContain('一時停止中');
  });

  it('should prefer the worker\'s own sentence, and show any other reason as given', () => {
    const fromWorker = { reason: 'sign_in_required', en: 'Sign in again: pc-onboard login', ja: 'もう一度サインインしてください: pc-onboard login' };
    expect(pauseMessage(withExtras({ paused: fromWorker }))).toBe('Sign in again: pc-onboard login');
    setupUiTest('ja');
    expect(pauseMessage(withExtras({ paused: fromWorker }))).toBe('もう一度サインインしてください: pc-onboard login');
    setupUiTest('en');
    expect(pauseMessage(withExtras({ paused: { reason: 'x', message: { en: 'Waiting for the budget.', ja: '予算待ち。' } } }))).toBe('Waiting for the budget.');
    expect(pauseMessage(withExtras({ paused: 'maintenance' }))).toBe('Paused: maintenance');
    expect(pauseMessage(withExtras({ state: 'paused' }))).toMatch(/^Paused: the worker is waiting/);
  });
});

describe('queuedBy', () => {
  it('should read the token name when the worker sends one', () => {
    expect(queuedBy(withExtras({ queuedBy: ' alice ' }))).toBe('alice');
    expect(queuedBy(withExtras({ queuedBy: '' }))).toBeUndefined();
    expect(queuedBy(BASE)).toBeUndefined();
  });
});
