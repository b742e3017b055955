import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares candidate tokens with the API token in constant time: both sides are hashed to
 * SHA-256 first, so neither the content nor the length of the token leaks through timing.
 */
export function createTokenMatcher(apiToken: string): (candidate: string | undefined) => boolean {
  if (apiToken.length < 16) throw new Error('The API token must be at least 16 characters long.');
  const expected = sha256(apiToken);
  return (candidate) => candidate !== undefined && timingSafeEqual(sha256(candidate), expected);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
