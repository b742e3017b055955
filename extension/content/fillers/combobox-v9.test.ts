// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { emulateComboboxV9 } from '../../../test/support/content/emulate-fluent.ts';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
import { fillComboboxV9 } from './combobox-v9.ts';

const signal = new AbortController().signal;
let input: HTMLInputElement;

beforeEach(() => {
  loadHtmlFixture('combobox-v9.html');
  input = document.querySelector('input[role=combobox]')!;
  emulateComboboxV9(input, ['English', 'French', 'German', 'Japanese']);
});

describe('fillComboboxV9', () => {
  it('should open the list named by aria-controls and click the matching option', async () => {
    const result = await fillComboboxV9(input, { type: 'text', text: 'Japanese', matches: ['Japanese', 'ja', '日本語'] }, { signal });
    expect(result).toEqual({ ok: true });
    expect(input.value).toBe('Japanese');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('should match an option by another language name', async () => {
    const result = await fillComboboxV9(input, { type: 'text', text: '英語', matches: ['英語', 'en', 'English'] }, { signal });
    expect(result).toEqual({ ok: true });
    expect(input.value).toBe('English');
  });

  it('should report an option the list does not have', async () => {
    const result = await fillComboboxV9(input, { type: 'text', text: 'Klingon', matches: ['Klingon', 'tlh'] }, { signal });
    expect(result).toMatchObject({ ok: false, code: 'OPTION_NOT_FOUND', message: { en: 'No option "Klingon" in the list (English, French, German, Japanese).', ja: '一覧に「Klingon」がありません (English, French, German, Japanese)。' } });
    expect(input.value).toBe('');
  });
});
