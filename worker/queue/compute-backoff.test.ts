import { describe, expect, it } from 'vitest';
import { createBackoff } from './compute-backoff.ts';

describe('createBackoff', () => {
  it.each([
    [1, 0, 500],
    [1, 1, 1000],
    [2, 0, 1000],
    [3, 1, 4000],
    [20, 1, 300_000],
  ])('should give attempt %i with random %f a delay of %i ms', (attempt, random, expected) => {
    expect(createBackoff({ baseDelayMs: 1000, random: () => random })(attempt)).toBe(expected);
  });

  it('should wait at least the Retry-After of the error', () => {
    const error = Object.assign(new Error('busy'), { retryAfterMs: 7000 });
    expect(createBackoff({ baseDelayMs: 1000, random: () => 0 })(1, error)).toBe(7000);
  });
});
