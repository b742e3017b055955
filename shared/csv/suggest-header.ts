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

/**
 * The header cell, among those not mapped, closest to any name of a missing key — or undefined
 * when none is close enough to be a likely typo.
 *
 * @example suggestHeader('contact_email', ['Emial', 'CRM id'], [null, null]) // 'Emial'
 */
export function suggestHeader(key: CanonicalKey, columns: readonly string[], keys: readonly (CanonicalKey | null)[]): string | undefined {
  const names = [key, ...HEADER_ALIASES[key]].map(normalizeHeaderName);
  let best: { column: string; distance: number } | undefined;
  columns.forEach((column, index) => {
    if (keys[index] !== null) return;
    const normalized = normalizeHeaderName(column);
    if (normalized === '') return;
    for (const name of names) {
      const distance = editDistance(normalized, name);
      const allowed = Math.max(2, Math.floor(name.length / 3));
      if (distance <= allowed && (!best || distance < best.distance)) best = { column, distance };
    }
  });
  return best?.column;
}
