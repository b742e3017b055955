// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { emulateDropdownV8 } from '../../../test/support/content/emulate-fluent.ts';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
import { fillDropdownV8 } from './dropdown-v8.ts';

const signal = new AbortController().signal;
let root: HTMLElement;
let stats: { focusSelections: number };

beforeEach(() => {
  loadHtmlFixture('dropdown-v8.html');
  root = document.querySelector('[role=combobox]')!;
  stats = emulateDropdownV8(root, ['Alabama', 'Alaska', 'Washington', 'Wyoming']);
});

describe('fillDropdownV8', () => {
  it('should open the layer with the mouse and click the option named by a code alias', async () => {
    const result = await fillDropdownV8(root, { type: 'text', text: 'WA', matches: ['WA', 'Washington'] }, { signal });
    expect(result).toEqual({ ok: true });
    expect(root.querySelector('.ms-Dropdown-title')!.textContent).toBe('Washington');
    expect(stats.focusSelections).toBe(0);
    expect(document.querySelector('.ms-Layer')).toBeNull();
  });

  it('should leave a dropdown alone that already shows the value', async () => {
    root.querySelector('.ms-Dropdown-title')!.textContent = 'Washington';
    await fillDropdownV8(root, { type: 'text', text: 'WA', matches: ['WA', 'Washington'] }, { signal });
    expect(document.querySelector('.ms-Layer')).toBeNull();
  });

  it('should report a missing option with what the list offers, and close the list', async () => {
    const result = await fillDropdownV8(root, { type: 'text', text: 'Tokyo', matches: ['Tokyo', '東京都'] }, { signal });
    expect(result).toMatchObject({ ok: false, code: 'OPTION_NOT_FOUND', message: { en: 'No option "Tokyo" in the list (Alabama, Alaska, Washington, Wyoming).' } });
    expect(document.querySelector('.ms-Layer')).toBeNull();
    expect(root.querySelector('.ms-Dropdown-title')!.textContent).toBe('Select an option');
  });
});
