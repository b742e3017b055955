// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT_INFO_FIELDS } from '../../../shared/form/field-map.ts';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
import { detectStep } from './detect-step.ts';
import { findField } from './find-field.ts';
import { readPageOutline } from './page-outline.ts';

const spec = (key: string) => ACCOUNT_INFO_FIELDS.find((field) => field.key === key)!;

describe('finders on web components (web-components.html)', () => {
  beforeEach(() => loadHtmlFixture('web-components.html'));

  it('should read a label whose text is slotted into the shadow root', () => {
    const found = findField(spec('company_name'), readPageOutline(document), 'en')?.element;
    expect(found).toBe(document.getElementById('company')!.shadowRoot!.getElementById('inner'));
  });

  it("should take the light-DOM text before a component as its shadow input's label", () => {
    const found = findField(spec('city'), readPageOutline(document), 'en')?.element;
    expect(found).toBe(document.getElementById('city')!.shadowRoot!.querySelector('input'));
  });

  it('should recognise a step by a button whose text is slotted', () => {
    expect(detectStep(document)).toEqual({ step: 'account-info', language: 'en' });
  });
});
