import type { CanonicalKey } from '../customer/canonical-keys.ts';
import { HEADER_ALIASES } from './header-aliases.ts';
import { normalizeHeaderName } from './normalize-header-name.ts';

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A name inside the other counts when it is long enough to mean something: 4 ASCII letters, or 2 others (メール, 住所). */
function isMeaningfulPart(part: string): boolean {
  return part.length >= (/^\p{ASCII}*$/u.test(part) ? 4 : 2);
}

/** How far a header is from a name: its edit distance when that looks like a typo, else (ranked after typos) when one holds the other. */
function closeness(normalized: string, name: string): number | undefined {
  const distance = editDistance(normalized, name);
  const allowed = Math.max(2, Math.floor(name.length / 3));
  if (distance <= allowed) return distance;
  // "Street address" ⊃ street, "Town/City" ⊃ city, "メール" ⊂ メールアドレス: not typos, but the closest header present.
  const contains = normalized.includes(name) ? name : name.includes(normalized) ? normalized : undefined;
  if (contains !== undefined && isMeaningfulPart(contains)) return 100 + Math.abs(normalized.length - name.length);
  return undefined;
}

/**
 * The header cell, among those not mapped, closest to any name of a missing key (a typo, or a
 * header that holds one of its names or is held in one) — or undefined when none is close.
 *
 * @example suggestHeader('contact_email', ['Emial', 'CRM id'], [null, null]) // 'Emial'
 * @example suggestHeader('city', ['Town/City'], [null]) // 'Town/City'
 */
export function suggestHeader(key: CanonicalKey, columns: readonly string[], keys: readonly (CanonicalKey | null)[]): string | undefined {
  const names = [key, ...HEADER_ALIASES[key]].map(normalizeHeaderName);
  let best: { column: string; distance: number } | undefined;
  columns.forEach((column, index) => {
    if (keys[index] !== null) return;
    const normalized = normalizeHeaderName(column);
    if (normalized === '') return;
    for (const name of names) {
      const distance = closeness(normalized, name);
      if (distance !== undefined && (!best || distance < best.distance)) best = { column, distance };
    }
  });
  return best?.column;
}
