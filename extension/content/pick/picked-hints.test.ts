// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
import { describeElement, loadPickedHints, resolveHint, savePickedHint } from './picked-hints.ts';

describe('picked field hints', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    loadHtmlFixture('account-info-en.html');
  });

  it('should find a field inside nested shadow roots again from its stored path', () => {
    const card = document.getElementById('contact-card')!;
    const phone = card.shadowRoot!.querySelector('.group')!.shadowRoot!.getElementById('ph')!;
    const path = describeElement(phone);
    expect(path).toHaveLength(3);
    expect(resolveHint(document, { key: 'contact_phone', label: 'Phone number', path })).toBe(phone);
  });

  it('should describe an element without id or name by its place', () => {
    const city = document.querySelector('input[aria-label=City]')!;
    const path = describeElement(city);
    expect(path[0]).toContain('nth-of-type');
    expect(resolveHint(document, { key: 'city', label: 'City', path })).toBe(city);
  });

  it('should keep hints in extension storage, one per key and label', async () => {
    await savePickedHint({ key: 'city', label: 'City', path: ['#x'] });
    await savePickedHint({ key: 'city', label: 'City', path: ['#y'] });
    await savePickedHint({ key: 'state', label: 'State', path: ['#z'] });
    const hints = await loadPickedHints();
    expect(hints.get('city')?.path).toEqual(['#y']);
    expect(hints.get('state')?.path).toEqual(['#z']);
  });
});
