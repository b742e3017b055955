import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNfkcStable, normalizeValue } from './normalize-value.ts';

describe('normalizeValue', () => {
  it('should only skip NFKC for characters that NFKC leaves unchanged (every BMP code point)', () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      if (isNfkcStable(char) && char.normalize('NFKC') !== char) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('should keep pairs of stable characters stable (no composition between them)', () => {
    const samples = ['a', 'é', 'ł', 'か', 'カ', '日', '한', '、', 'ß', 'Ā'];
    for (const first of samples) for (const second of samples) expect((first + second).normalize('NFKC')).toBe(first + second);
  });

  // The validator hands a normalised value on (postal codes: normalize-postal-code.ts) without normalising it again.
  it('should change nothing in a value it already normalised', () => {
    const pieces = [' ', '\t', '\u3000', '\u00a0', 'a', 'Z', 'Ａ', '１', 'ｶ', 'ﾞ', '\u3099', '\u0301', 'か', '日', '㈱', 'ß', 'ǆ'];
    const spaced = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), spaced), (raw) => {
      const once = normalizeValue(raw);
      expect(normalizeValue(once)).toBe(once);
      expect(once.toUpperCase().trim()).toBe(once.toUpperCase());
    }), { numRuns: 1000 });
  });

  it.each([
    ['\u3000Contoso\u00a0', 'Contoso'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['ｶﾌﾞｼｷｶﾞｲｼｬ', 'カブシキガイシャ'],
    ['㈱テスト', '(株)テスト'],
    ['か\u3099', 'が'],
    [' 東京都 ', '東京都'],
    [undefined, ''],
  ])('should normalise %j to %j', (input, expected) => {
    expect(normalizeValue(input)).toBe(expected);
  });
});
