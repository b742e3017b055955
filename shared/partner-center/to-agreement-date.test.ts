import { describe, expect, it } from 'vitest';
import { toAgreementDate } from './to-agreement-date.ts';

// A fixed reference moment: the project's working day.
const now = new Date('2026-11-25T12:00:00Z');

describe('toAgreementDate', () => {
  it.each([
    ['2026-11-24', '2026-11-24T00:00:00.000Z'],
    ['2026-11-25T09:30:00+09:00', '2026-11-25T00:30:00.000Z'],
    // Today in UTC+14 is tomorrow in UTC: capped at now so Partner Center does not answer 600002.
    ['2026-11-26', '2026-11-25T12:00:00.000Z'],
    [new Date('2030-01-01T00:00:00Z'), '2026-11-25T12:00:00.000Z'],
  ])('should send %s as %s', (value, expected) => {
    expect(toAgreementDate(value, now)).toBe(expected);
  });

  it('should name a value that is not a date', () => {
    expect(() => toAgreementDate('yesterday', now)).toThrow('The agreement date "yesterday" is not a date; use YYYY-MM-DD.');
  });
});
