import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEmail, EMAIL_PATTERN, isPlainEmail } from './check-email.ts';

describe('isPlainEmail', () => {
  it.each([
    ['ana@contoso.example', true],
    ['a.b+c@sub.contoso.co.jp', true],
    ["o'brien@x9.io", true],
    ['a@b.c', false],
    ['a@b.1a', false],
    ['.a@b.cd', false],
    ['a.@b.cd', false],
    ['a..b@b.cd', false],
    ['a@-b.cd', false],
    ['a@b-.cd', false],
    ['a@cd', false],
    ['a@b..cd', false],
    ['a@b.cd.', false],
    ['a@b@c.de', false],
    ['"a"@b.cd', false],
    ['Ana <ana@b.cd>', false],
    ['a@[127.0.0.1]', false],
    ['ä@b.cd', false],
  ])('should take %j as %s', (value, expected) => {
    expect(isPlainEmail(value)).toBe(expected);
    expect(EMAIL_PATTERN.test(value)).toBe(expected);
  });

  it('should accept exactly what the pattern accepts', () => {
    const char = fc.constantFrom('a', 'Z', '0', '9', '.', '.', '@', '@', '-', '-', '_', '+', "'", '"', ' ', 'é', '[', ']');
    const text = fc.array(char, { maxLength: 20 }).map((chars) => chars.join(''));
    const label = fc.stringMatching(/^[a-z0-9-]{0,5}$/);
    const emailish = fc.tuple(fc.stringMatching(/^[a-z0-9.+'-]{0,6}$/), fc.array(label, { minLength: 1, maxLength: 4 })).map(([local, labels]) => `${local}@${labels.join('.')}`);
    const long = fc.tuple(fc.integer({ min: 60, max: 66 }), fc.integer({ min: 1, max: 3 })).map(([n, m]) => `a@${'b'.repeat(n)}.${'c'.repeat(m)}`);
    fc.assert(
      fc.property(fc.oneof(text, emailish, long), (value) => {
        expect(isPlainEmail(value)).toBe(EMAIL_PATTERN.test(value));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('checkEmail', () => {
  it('should refuse an address longer than 254 characters or a local part over 64', () => {
    expect(checkEmail(`${'a'.repeat(65)}@b.cd`, 'contact_email').ok).toBe(false);
    expect(checkEmail(`a@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.cd`, 'contact_email').ok).toBe(false);
    expect(checkEmail('ana@contoso.example', 'mca_email')).toEqual({ ok: true, value: 'ana@contoso.example' });
  });
});
