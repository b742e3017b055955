import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainRowIndex } from './domain-row-index.ts';

describe('DomainRowIndex', () => {
  it('should remember the first row of each prefix, short or long', () => {
    const index = new DomainRowIndex();
    expect([index.claim('contoso', 1), index.claim('a', 2), index.claim('0a', 3), index.claim('averyveryverylongprefix', 4)]).toEqual([undefined, undefined, undefined, undefined]);
    expect([index.claim('contoso', 5), index.claim('averyveryverylongprefix', 6)]).toEqual([1, 4]);
    expect([index.get('contoso'), index.get('a'), index.get('0a'), index.get('averyveryverylongprefix')]).toEqual([1, 2, 3, 4]);
    expect([index.get('contos'), index.get('00a'), index.get('zzzzzzzzzz'), index.get('b')]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('should answer as a Map does, across growth of the table', () => {
    const prefix = fc.stringMatching(/^[a-z0-9]{1,14}$/);
    fc.assert(
      fc.property(fc.array(prefix, { maxLength: 3000 }), fc.array(prefix, { maxLength: 50 }), (added, probes) => {
        const index = new DomainRowIndex();
        const map = new Map<string, number>();
        added.forEach((domain, row) => {
          expect(index.claim(domain, row)).toBe(map.get(domain));
          if (!map.has(domain)) map.set(domain, row);
        });
        for (const domain of probes) expect(index.get(domain)).toBe(map.get(domain));
      }),
      { numRuns: 60 },
    );
  });

  it('should keep 100 000 sequential prefixes apart', () => {
    const index = new DomainRowIndex();
    for (let row = 0; row < 100_000; row++) index.claim(`bench${row.toString(36)}x`, row);
    for (let row = 0; row < 100_000; row += 997) expect(index.get(`bench${row.toString(36)}x`)).toBe(row);
    expect(index.get('benchx')).toBeUndefined();
  });
});
