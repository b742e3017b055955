import { CANONICAL_KEYS, REQUIRED_COLUMNS, type CanonicalKey } from '../customer/canonical-keys.ts';
import { HEADER_ALIASES } from './header-aliases.ts';
import { normalizeHeaderName } from './normalize-header-name.ts';

const KEY_BY_NAME: ReadonlyMap<string, CanonicalKey> = (() => {
  const map = new Map<string, CanonicalKey>();
  for (const key of CANONICAL_KEYS) {
    map.set(normalizeHeaderName(key), key);
    for (const alias of HEADER_ALIASES[key]) map.set(normalizeHeaderName(alias), key);
  }
  return map;
})();

/** The canonical key a header cell names, or null (unknown, `pc_*`, or empty). */
export function keyForHeaderName(name: string): CanonicalKey | null {
  const trimmed = name.normalize('NFKC').trim();
  if (trimmed === '' || trimmed.toLowerCase().startsWith('pc_')) return null;
  return KEY_BY_NAME.get(normalizeHeaderName(trimmed)) ?? null;
}

export interface HeaderMapping {
  /** For each column, the canonical key it maps to, or null. A key given twice maps only its first column. */
  keys: (CanonicalKey | null)[];
  /** How many columns map to a canonical key. */
  recognized: number;
  /** Required columns (docs/contracts/csv.md §3) that no column maps to. */
  missingRequired: CanonicalKey[];
  /** Known keys given by more than one column, with the column indexes. */
  duplicates: { key: CanonicalKey; columns: number[] }[];
  /** Columns whose header starts with `pc_`: result columns of an earlier run, ignored on import. */
  resultColumns: number[];
}

/**
 * The automatic header → canonical key mapping of docs/contracts/csv.md §3, for the reader and for the
 * extension, which shows it and lets the user change it.
 *
 * @example mapHeader(['会社名', 'Domain', 'CRM id']).keys // ['company_name', 'domain', null]
 */
export function mapHeader(columns: readonly string[]): HeaderMapping {
  const keys: (CanonicalKey | null)[] = [];
  const firstColumn = new Map<CanonicalKey, number[]>();
  const resultColumns: number[] = [];
  columns.forEach((name, index) => {
    if (name.normalize('NFKC').trim().toLowerCase().startsWith('pc_')) resultColumns.push(index);
    const key = keyForHeaderName(name);
    if (key === null) {
      keys.push(null);
      return;
    }
    const seen = firstColumn.get(key);
    if (seen) {
      seen.push(index);
      keys.push(null);
    } else {
      firstColumn.set(key, [index]);
      keys.push(key);
    }
  });
  const duplicates = [...firstColumn].filter(([, indexes]) => indexes.length > 1).map(([key, indexes]) => ({ key, columns: indexes }));
  return {
    keys,
    recognized: firstColumn.size,
    missingRequired: REQUIRED_COLUMNS.filter((key) => !firstColumn.has(key)),
    duplicates,
    resultColumns,
  };
}
