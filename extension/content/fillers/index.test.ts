// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CONTROL_KINDS, type ControlKind } from '../../../shared/form/field-map.ts';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
import { detectControlKind, FILLERS } from './index.ts';

/** For every control kind, a saved fixture and the element in it that is of that kind. */
const KIND_FIXTURES: Record<ControlKind, [fixture: string, selector: string, expected: ControlKind]> = {
  text: ['account-info-en.html', '#TextField3', 'text'],
  checkbox: ['account-info-en.html', '#gdap', 'text'],
  select: ['account-info-ja-no-headings.html', '#c', 'dropdown-v8'],
  'dropdown-v8': ['dropdown-v8.html', '[role=combobox]', 'text'],
  'combobox-v9': ['combobox-v9.html', 'input[role=combobox]', 'dropdown-v8'],
  date: ['account-info-en.html', '#mca-date', 'date'],
  'radio-group': ['radio-group.html', '[role=radiogroup]', 'dropdown-v8'],
};

describe('fillers (meta)', () => {
  it('should have exactly one filler per control kind of the field map', () => {
    expect(Object.keys(FILLERS).sort()).toEqual([...CONTROL_KINDS].sort());
    for (const kind of CONTROL_KINDS) expect(typeof FILLERS[kind]).toBe('function');
  });

  it.each(CONTROL_KINDS)('should have a fixture whose %s control is recognised as such', (kind) => {
    const [fixture, selector, documented] = KIND_FIXTURES[kind];
    loadHtmlFixture(fixture);
    const element = document.querySelector(selector);
    expect(element, `${selector} in ${fixture}`).not.toBeNull();
    // The kind comes from the element, whatever the field map expected.
    expect(detectControlKind(element!, documented)).toBe(kind);
  });
});
