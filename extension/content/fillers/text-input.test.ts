// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { makeReactLike } from '../../../test/support/content/react-like-input.ts';
import { fillTextInput } from './text-input.ts';
import { fillDateInput } from './date-input.ts';

const signal = new AbortController().signal;

describe('fillTextInput', () => {
  it('should reach a React-controlled input through the native setter and a bubbling input event', async () => {
    document.body.innerHTML = '<form><label for="c">Company name</label><input id="c"></form>';
    const input = document.querySelector('input')!;
    const state = makeReactLike(input);
    const bubbled: string[] = [];
    document.querySelector('form')!.addEventListener('input', () => bubbled.push('input'));
    document.querySelector('form')!.addEventListener('change', () => bubbled.push('change'));
    document.querySelector('form')!.addEventListener('focusout', () => bubbled.push('focusout'));

    await expect(fillTextInput(input, { type: 'text', text: 'Contoso', matches: ['Contoso'] }, { signal })).resolves.toEqual({ ok: true });
    expect(state).toEqual({ value: 'Contoso', changes: 1 });
    expect(bubbled).toEqual(['input', 'change', 'focusout']);
  });

  it('should show why a plain `.value =` write is not enough (the tracker swallows it)', () => {
    document.body.innerHTML = '<input>';
    const input = document.querySelector('input')!;
    const state = makeReactLike(input);
    input.value = 'Contoso';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(state.value).toBe('');
  });

  it('should report a value the page did not keep', async () => {
    document.body.innerHTML = '<input>';
    const input = document.querySelector('input')!;
    // A page that masks the input: only digits stay.
    input.addEventListener('input', () => {
      input.value = input.value.replace(/\D/g, '');
    });
    const result = await fillTextInput(input, { type: 'text', text: 'abc', matches: [] }, { signal });
    expect(result).toMatchObject({ ok: false, code: 'VALUE_NOT_KEPT' });
  });

  it('should not type into a field once the fill was stopped', async () => {
    document.body.innerHTML = '<input>';
    const controller = new AbortController();
    controller.abort();
    const result = await fillTextInput(document.querySelector('input')!, { type: 'text', text: 'x', matches: [] }, { signal: controller.signal });
    expect(result).toMatchObject({ ok: false, code: 'ABORTED' });
    expect(document.querySelector('input')!.value).toBe('');
  });
});

describe('fillDateInput', () => {
  it('should type the locale text into a text date picker and the ISO date into type=date', async () => {
    document.body.innerHTML = '<input id="text" placeholder="M/D/YYYY"><input id="native" type="date">';
    const value = { type: 'date', iso: '2026-03-05', text: '3/5/2026' } as const;
    await fillDateInput(document.getElementById('text')!, value, { signal });
    await fillDateInput(document.getElementById('native')!, value, { signal });
    expect((document.getElementById('text') as HTMLInputElement).value).toBe('3/5/2026');
    expect((document.getElementById('native') as HTMLInputElement).value).toBe('2026-03-05');
  });
});
