/**
 * Lower-cases the first letter of every object key, recursively. The documented request
 * examples use PascalCase keys and the responses camelCase (docs/contracts/partner-center.md §4), so the
 * service evidently reads keys case-insensitively; the sandbox does the same.
 */
export function normalizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeKeys);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key.charAt(0).toLowerCase() + key.slice(1)] = normalizeKeys(item);
  }
  return result;
}

/** JSON with sorted keys, so two bodies that differ only in key order have the same fingerprint. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const entries = Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(',')}}`;
}
