import { randomInt } from 'node:crypto';

const CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%^&*-_=+?'];
const ALL = CLASSES.join('');

/**
 * A new admin password for a reset (docs/contracts/partner-center.md §0.17): 16 characters
 * with an upper-case letter, a lower-case letter, a digit and a symbol, from the CSPRNG; no
 * look-alike characters. Goes straight into the vault, never into a log.
 */
export function generateAdminPassword(length = 16): string {
  const chars = CLASSES.map((set) => set[randomInt(set.length)]!);
  while (chars.length < length) chars.push(ALL[randomInt(ALL.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
