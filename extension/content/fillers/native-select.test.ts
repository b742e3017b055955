// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
import { fillNativeSelect } from './native-select.ts';

const signal = new AbortController().signal;

describe('fillNativeSelect', () => {
  it('should choose the option whose text or value matches, and send change', async () => {
    loadHtmlFixture('account-info-ja-no-headings.html');
    const select = document.getElementById('c') as HTMLSelectElement;
    let changes = 0;
    select.addEventListener('change', () => changes++);
    const result = await fillNativeSelect(select, { type: 'text', text: 'ニュージーランド', matches: ['ニュージーランド', 'NZ'] }, { signal });
    expect(result).toEqual({ ok: true });
    expect(select.value).toBe('NZ');
    expect(changes).toBe(1);
  });

  it('should report a missing option instead of choosing another', async () => {
    loadHtmlFixture('account-info-ja-no-headings.html');
    const select = document.getElementById('c') as HTMLSelectElement;
    const result = await fillNativeSelect(select, { type: 'text', text: 'France', matches: ['France', 'FR'] }, { signal });
    expect(result).toMatchObject({ ok: false, code: 'OPTION_NOT_FOUND' });
    expect(select.value).toBe('');
  });
});

describe('option matching', () => {
  it('should accept an option with a qualifier only when it is the only candidate', async () => {
    document.body.innerHTML = '<select><option value="">-</option><option>Japanese (Japan)</option><option>English (United States)</option><option>English (United Kingdom)</option></select>';
    const select = document.querySelector('select')!;
    await expect(fillNativeSelect(select, { type: 'text', text: 'Japanese', matches: ['Japanese'] }, { signal })).resolves.toEqual({ ok: true });
    expect(select.value).toBe('Japanese (Japan)');
    await expect(fillNativeSelect(select, { type: 'text', text: 'English', matches: ['English'] }, { signal })).resolves.toMatchObject({ ok: false });
  });
});
