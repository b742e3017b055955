import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, EXTENSION_PUBLIC_KEY } from './extension-identity.ts';

describe('extension identity', () => {
  it('should pin the id Chrome derives from the manifest key', () => {
    // Chrome: the first 128 bits of SHA-256 of the DER key, each hex digit mapped 0-f → a-p.
    const hex = createHash('sha256').update(Buffer.from(EXTENSION_PUBLIC_KEY, 'base64')).digest('hex').slice(0, 32);
    const id = [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
    expect(id).toBe(CHROME_EXTENSION_ID);
  });
});
