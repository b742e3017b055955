// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
import { fillCheckbox } from './checkbox.ts';

const signal = new AbortController().signal;

describe('fillCheckbox', () => {
  it('should click a checked box to clear it and leave a box alone that is already right', async () => {
    loadHtmlFixture('account-info-en.html');
    const gdap = document.getElementById('gdap') as HTMLInputElement;
    let clicks = 0;
    gdap.addEventListener('click', () => clicks++);
    await expect(fillCheckbox(gdap, { type: 'boolean', checked: false }, { signal })).resolves.toEqual({ ok: true });
    await expect(fillCheckbox(gdap, { type: 'boolean', checked: false }, { signal })).resolves.toEqual({ ok: true });
    expect(gdap.checked).toBe(false);
    expect(clicks).toBe(1);
  });

  it('should toggle an ARIA checkbox by pointer events', async () => {
    document.body.innerHTML = '<div role="checkbox" aria-checked="false" tabindex="0">Opt-in</div>';
    const box = document.querySelector('[role=checkbox]')!;
    box.addEventListener('click', () => box.setAttribute('aria-checked', String(box.getAttribute('aria-checked') !== 'true')));
    await expect(fillCheckbox(box, { type: 'boolean', checked: true }, { signal })).resolves.toEqual({ ok: true });
    expect(box.getAttribute('aria-checked')).toBe('true');
  });

  it('should say so when the page refuses the change', async () => {
    document.body.innerHTML = '<input type="checkbox">';
    const box = document.querySelector('input')!;
    box.addEventListener('click', (event) => event.preventDefault());
    await expect(fillCheckbox(box, { type: 'boolean', checked: true }, { signal })).resolves.toMatchObject({ ok: false, code: 'VALUE_NOT_KEPT' });
  });
});
