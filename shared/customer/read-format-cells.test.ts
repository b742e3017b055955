import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_RULES, getCountryRule, type CountryRule } from '../countries/country-rules.ts';
import { normalizeValue } from '../text/normalize-value.ts';
import { checkedLength } from './checked-length.ts';
import { checkCountryValue, checkPhone, checkPostalCode, checkState } from './check-country-fields.ts';
import { checkDomain, GLOBAL_INITIAL_DOMAINS, isPlainDomainPrefix } from './check-domain.ts';
import { checkEmail, isAcceptedEmail } from './check-email.ts';
import { checkCulture, checkLanguage } from './check-locale.ts';
import { checkMcaDate } from './check-mca-date.ts';
import { checkOffers } from './check-offers.ts';
import { parseBoolean } from './parse-boolean.ts';
import { ProblemList } from './problem-list.ts';
import { readBoolean, readCountry, readCulture, readDomain, readEmail, readLanguage, readMcaDate, readOffers, readPhone, readPostalCode, readState } from './read-format-cells.ts';
import { requiredProblem } from './required-problem.ts';
import { initialDomainRule } from '../partner-center/initial-domain-rules.ts';

// 2026-11-25 12:00 UTC: "today in UTC+14" is 2026-11-26.
const NOW = new Date('2026-11-25T12:00:00Z');

/** What a reader (or the full check) gives: the value and the problems it added. */
function outcome<T>(read: (problems: ProblemList) => T | undefined) {
  const problems = new ProblemList();
  const value = read(problems);
  return { value, problems: problems.list() };
}

/**
 * The reader on `cell`, twice (the second answer may come from its memo), against the full check
 * of the normalised value, as the validator ran it before the readers existed.
 */
function expectSameAsFullCheck<T>(cell: string | undefined, read: (problems: ProblemList, cell: string | undefined) => T | undefined, full: (problems: ProblemList, value: string) => T | undefined): void {
  const expected = outcome((problems) => full(problems, normalizeValue(cell)));
  expect(outcome((problems) => read(problems, cell)), JSON.stringify(cell)).toEqual(expected);
  expect(outcome((problems) => read(problems, cell)), `${JSON.stringify(cell)}, again`).toEqual(expected);
}

/** Strings over `alphabet` (single characters or pieces), up to `maxLength` pieces. */
function textOf(alphabet: readonly string[], maxLength = 12) {
  return fc.array(fc.constantFrom(...alphabet), { maxLength }).map((pieces) => pieces.join(''));
}

// Spaces NFKC turns into ASCII (U+3000, NBSP, thin space), full-width letters and digits, accents,
// an IDN, the dotless i, and the characters each format uses.
const SPACES = [' ', '\u3000', '\u00a0', '\u2009', '\t'];
const TRICKY = [...SPACES, 'ａ', 'Ｂ', '１', 'é', 'ü', 'ı', 'İ', 'ß', 'ﬁ', '例え', 'xn--', 'bücher'];

describe('readDomain', () => {
  const full = (problems: ProblemList, value: string) => (value === '' ? (problems.add(requiredProblem('domain')), undefined) : problems.take(checkDomain(value, GLOBAL_INITIAL_DOMAINS)));
  const read = (problems: ProblemList, cell: string | undefined) => readDomain(problems, cell, GLOBAL_INITIAL_DOMAINS);

  it.each([
    'contoso', 'contoso1', '1contoso', 'a'.repeat(27), 'a'.repeat(28), 'Contoso', 'CONTOSO', ' contoso', 'contoso ', 'contoso\u3000',
    'ｃｏｎｔｏｓｏ', 'contoso.', 'contoso.onmicrosoft.com', 'contoso.onmicrosoft.com.', 'Contoso.OnMicrosoft.com', 'contoso.partner.onmschina.cn',
    'bücher', 'xn--bcher-kva', 'con-toso', 'con toso', 'contoso.com', '', '   ', undefined,
  ])('should give %j the full check’s answer', (cell) => {
    expectSameAsFullCheck(cell, read, full);
  });

  it('should agree with the full check on any mix of letters, digits, dots, spaces and unicode', () => {
    fc.assert(fc.property(textOf(['a', 'z', '0', '9', 'A', '.', '-', 'onmicrosoft', '.com', ...TRICKY]), (cell) => expectSameAsFullCheck(cell, read, full)), { numRuns: 3000 });
  });

  it('should take as it is only a stored prefix', () => {
    expect(isPlainDomainPrefix('contoso9')).toBe(true);
    for (const cell of ['', 'Contoso', 'contoso.', 'a'.repeat(28), 'ｃｏｎ', ' contoso']) expect(isPlainDomainPrefix(cell), cell).toBe(false);
  });

  it('should follow the import’s cloud', () => {
    const vianet = initialDomainRule('china');
    for (const cell of ['contoso', 'contoso.partner.onmschina.cn', 'contoso.onmicrosoft.com']) {
      expectSameAsFullCheck(cell, (problems, value) => readDomain(problems, value, vianet), (problems, value) => problems.take(checkDomain(value, vianet)));
    }
  });
});

describe('readEmail', () => {
  const full = (problems: ProblemList, value: string) => (value === '' ? (problems.add(requiredProblem('contact_email')), undefined) : problems.take(checkEmail(value, 'contact_email')));
  const read = (problems: ProblemList, cell: string | undefined) => readEmail(problems, cell, 'contact_email');

  it.each([
    'ana@contoso.example', 'Ana.Diaz+tag@Contoso.CO.JP', ' ana@contoso.example', 'ana@contoso.example ', 'ana@contoso.example\u3000',
    'ａｎａ＠ｃｏｎｔｏｓｏ．ｅｘａｍｐｌｅ', 'ana@contoso.example.', 'ana@bücher.example', 'ana@xn--bcher-kva.example', 'anä@contoso.example',
    `${'a'.repeat(64)}@b.cd`, `${'a'.repeat(65)}@b.cd`, `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(61)}.cd`,
    'Ana <ana@contoso.example>', 'not-an-address-7', '', undefined,
  ])('should give %j the full check’s answer', (cell) => {
    expectSameAsFullCheck(cell, read, full);
  });

  it('should agree with the full check on any mix of address characters, spaces and unicode', () => {
    fc.assert(fc.property(textOf(['a', 'Z', '0', '.', '@', '-', '+', "'", '"', 'example', '.com', '＠', '．', ...TRICKY]), (cell) => expectSameAsFullCheck(cell, read, full)), { numRuns: 3000 });
  });

  it('should take as it is only an address checkEmail accepts unchanged', () => {
    expect(isAcceptedEmail('ana@contoso.example')).toBe(true);
    for (const cell of [' ana@contoso.example', 'ａｎａ@contoso.example', `${'a'.repeat(65)}@b.cd`]) expect(isAcceptedEmail(cell), cell).toBe(false);
  });
});

describe('readCountry', () => {
  const full = (problems: ProblemList, value: string) => (value === '' ? (problems.add(requiredProblem('country')), undefined) : problems.take(checkCountryValue(value)));

  it.each(['US', 'us', ' US ', 'ＵＳ', 'United States', 'united states', 'U.S.', '日本', ' 日本\u3000', 'Japan', 'JPN', 'Türkiye', 'Atlantis', '', ' ', undefined])('should give %j the full check’s answer', (cell) => {
    expectSameAsFullCheck(cell, readCountry, full);
  });
});

describe('readState', () => {
  const full = (rule: CountryRule | undefined) => (problems: ProblemList, text: string) => {
    const value = checkedLength(problems, text, 'state', false);
    if (rule && value !== undefined) return problems.take(checkState(rule, value));
    if (rule?.stateRequired && text === '') problems.add(requiredProblem('state', rule.code));
    return undefined;
  };

  it.each([
    ['US', 'WA'], ['US', 'wa'], ['US', ' Washington '], ['US', 'Ｗａｓｈｉｎｇｔｏｎ'], ['US', 'Tokyo'], ['US', ''], ['US', undefined],
    ['JP', '東京都'], ['JP', 'Tokyo'], ['JP', 'tokyo-to'], ['JP', 'JP-13'], ['JP', '東京'], ['JP', 'WA'],
    ['CA', 'Québec'], ['CA', 'quebec'], ['MX', 'Nuevo León'], ['DE', 'Bayern'], ['DE', ''], ['GB', 'x'.repeat(101)], ['US', 'x'.repeat(101)],
  ])('in %s, should give %j the full check’s answer', (country, cell) => {
    const rule = getCountryRule(country);
    expectSameAsFullCheck(cell, (problems, value) => readState(problems, value, rule), full(rule));
  });

  it('should keep apart the same spelling in two countries', () => {
    expect(outcome((problems) => readState(problems, 'WA', getCountryRule('US'))).value).toBe('WA');
    expect(outcome((problems) => readState(problems, 'WA', getCountryRule('AU'))).value).toBe('WA');
    expect(outcome((problems) => readState(problems, 'WA', getCountryRule('CA'))).problems).toMatchObject([{ code: 'invalid_state' }]);
  });

  it('should check only the length while the country is unknown', () => {
    expectSameAsFullCheck('Bayern', (problems, value) => readState(problems, value, undefined), full(undefined));
    expectSameAsFullCheck('x'.repeat(101), (problems, value) => readState(problems, value, undefined), full(undefined));
  });
});

describe('readPostalCode', () => {
  const full = (rule: CountryRule | undefined) => (problems: ProblemList, value: string) => {
    if (rule && value !== '') return problems.take(checkPostalCode(rule, value));
    if (rule?.postalCode && value === '') problems.add(requiredProblem('postal_code', rule.code));
    return undefined;
  };

  it.each([
    ['US', '98052'], ['US', '98052-6399'], ['US', ' 98052'], ['US', '９８０５２'], ['US', '2134'], ['JP', '100-0005'], ['JP', '〒１０００００５'], ['JP', '100ー0005'],
    ['CA', 'L5N 8L9'], ['CA', 'l5n8l9'], ['CA', 'L5N\u30008L9'], ['GB', 'W2 6BD'], ['GB', 'w2 6bd'], ['HK', 'anything'], ['US', ''], ['HK', ''], ['US', undefined],
  ])('in %s, should give %j the full check’s answer', (country, cell) => {
    const rule = getCountryRule(country);
    expectSameAsFullCheck(cell, (problems, value) => readPostalCode(problems, value, rule), full(rule));
  });

  it('should take as it is only what NFKC and trimming leave unchanged, in every country', () => {
    for (const rule of COUNTRY_RULES.values()) {
      const stored = rule.postalCode?.stored;
      if (!stored) continue;
      fc.assert(
        fc.property(fc.stringMatching(stored), (cell) => {
          expect(normalizeValue(cell), `${rule.code} ${JSON.stringify(cell)}`).toBe(cell);
        }),
        { numRuns: 50 },
      );
    }
  });

  it('should agree with the full check on any mix of digits, letters, separators and unicode', () => {
    const cell = textOf(['0', '1', '9', 'A', 'z', '-', ' ', 'ー', '〒', '１', '\u3000', '\u00a0'], 9);
    fc.assert(
      fc.property(fc.constantFrom('US', 'JP', 'CA', 'GB', 'BR', 'DE', 'NL', 'HK'), cell, (country, text) => {
        const rule = getCountryRule(country);
        expectSameAsFullCheck(text, (problems, value) => readPostalCode(problems, value, rule), full(rule));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('readPhone', () => {
  const full = (rule: CountryRule | undefined, required: boolean) => (problems: ProblemList, value: string) => {
    if (rule && value !== '') return problems.take(checkPhone(rule, value, 'contact_phone'));
    if (rule && required && value === '') problems.add(requiredProblem('contact_phone', rule.code));
    return undefined;
  };

  it.each([
    ['US', '+1 425 882 8080'], ['US', '(425) 882-8080'], ['US', ' 425.882.8080 '], ['US', '425\u3000882\u00a08080'], ['US', '４２５-８８２-８０８０'],
    ['US', '+1 (425) 882-8080 ext. 12'], ['JP', '03-1234-5678'], ['JP', '+81 3-1234-5678'], ['JP', '０３－１２３４－５６７８'], ['GB', '+44 (0)20 7946 0958'],
    ['CA', '(613) 555-0199'], ['CA', '+1 425 882 8080'], ['BR', '+55 11 2345-6789'], ['DE', '030 1234567'], ['US', '12'], ['US', ''], ['US', undefined],
  ])('in %s, should give %j the full check’s answer', (country, cell) => {
    const rule = getCountryRule(country);
    expectSameAsFullCheck(cell, (problems, value) => readPhone(problems, value, rule, 'contact_phone', false), full(rule, false));
  });

  it('should add the required problem only where asked', () => {
    const rule = getCountryRule('BR');
    expectSameAsFullCheck('', (problems, value) => readPhone(problems, value, rule, 'contact_phone', true), full(rule, true));
    expect(outcome((problems) => readPhone(problems, ' ', rule, 'contact_phone', true)).problems).toMatchObject([{ code: 'required', field: 'contact_phone' }]);
  });

  it('should agree with the full check on any mix of digits, formatting, spaces and full-width digits', () => {
    const cell = textOf(['+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '(', ')', '-', '.', '/', '０', '３', 'x', ...SPACES], 16);
    fc.assert(
      fc.property(fc.constantFrom('US', 'JP', 'GB', 'DE', 'CA', 'BR', 'FR', 'AU'), cell, (country, text) => {
        const rule = getCountryRule(country);
        expectSameAsFullCheck(text, (problems, value) => readPhone(problems, value, rule, 'contact_phone', false), full(rule, false));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readCulture and readLanguage', () => {
  it.each(['ja-JP', 'ja_jp', ' JA-jp ', 'ｊａ－ＪＰ', 'az-latn-az', 'xx-YY', 'english', '', undefined])('should give culture %j the full check’s answer', (cell) => {
    const rule = getCountryRule('DE');
    expectSameAsFullCheck(cell, (problems, value) => readCulture(problems, value, rule), (problems, value) => (value === '' ? rule.defaultCulture : problems.take(checkCulture(value))));
  });

  it.each(['ja', 'JA', 'Japanese', '日本語', ' english ', 'ｊａ', 'zz', 'Klingon', '', undefined])('should give language %j the full check’s answer', (cell) => {
    expectSameAsFullCheck(cell, (problems, value) => readLanguage(problems, value, 'fr-FR'), (problems, value) => (value === '' ? 'fr' : problems.take(checkLanguage(value))));
  });
});

describe('readOffers', () => {
  const full = (problems: ProblemList, value: string) => problems.take(checkOffers(value));

  it.each(['CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*5', 'cfq7ttc0lh18:0001:cfq7ttc0k5bf * 05;', 'ＣＦＱ７ＴＴＣ０ＬＨ１８:0001:CFQ7TTC0K5BF', 'A:B:C;A:B:C', 'A:B:C*0', 'A:B:C;;D:E:F', '', undefined])('should give %j the full check’s answer', (cell) => {
    expectSameAsFullCheck(cell, readOffers, full);
  });

  it('should give each record its own items', () => {
    const first = outcome((problems) => readOffers(problems, 'A:B:C*2;D:E:F')).value!;
    first[0]!.quantity = 99;
    first.pop();
    expect(outcome((problems) => readOffers(problems, 'A:B:C*2;D:E:F')).value).toEqual([{ id: 'A:B:C', quantity: 2 }, { id: 'D:E:F', quantity: 1 }]);
  });
});

describe('readBoolean', () => {
  it.each(['true', 'TRUE', ' yes ', 'Ｙ', 'はい', '0', 'いいえ', 'maybe', '', ' ', undefined])('should give %j the full check’s answer for either default', (cell) => {
    for (const fallback of [true, false]) {
      expectSameAsFullCheck(cell, (problems, value) => readBoolean(problems, value, 'gdap_opt_in', fallback), (problems, value) => problems.take(parseBoolean(value, 'gdap_opt_in', fallback)));
    }
  });
});

describe('readMcaDate', () => {
  const full = (now: Date) => (problems: ProblemList, value: string) => (value === '' ? (problems.add(requiredProblem('mca_date')), undefined) : problems.take(checkMcaDate(value, now)));

  it.each(['2026-11-20', '2026/3/5', ' 2026/03/05 ', '２０２６/３/５', '2026-3-5', '2026-02-29', '2024-02-29', '2026-11-26', '2026-11-27', 'yesterday', '', undefined])('should give %j the full check’s answer', (cell) => {
    expectSameAsFullCheck(cell, (problems, value) => readMcaDate(problems, value, NOW), full(NOW));
  });

  it('should ask whether a remembered date has begun at each call’s now', () => {
    const earlier = new Date('2026-11-25T09:00:00Z');
    const later = new Date('2026-11-25T11:00:00Z');
    expect(outcome((problems) => readMcaDate(problems, '2026-11-26', later)).value).toBe('2026-11-26');
    expect(outcome((problems) => readMcaDate(problems, '2026-11-26', earlier)).problems).toMatchObject([{ code: 'invalid_date' }]);
    expectSameAsFullCheck('2026-11-26', (problems, value) => readMcaDate(problems, value, earlier), full(earlier));
  });
});
