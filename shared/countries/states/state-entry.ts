/** One state, province or prefecture: the code Partner Center stores, and the names people write. */
export interface StateEntry {
  /** The value Partner Center expects (code, or the Japanese name for JP). */
  stored: string;
  code: string;
  name: string;
  /** The name in the local language where it differs (Japanese prefectures). */
  localName?: string;
  /** ISO 3166-2 code, e.g. `JP-13`. */
  iso?: string;
}

/** Builds entries from `CODE:Name` pairs, stored as the code. */
export function defineCodedStates(country: string, pairs: string): StateEntry[] {
  return pairs.split('|').map((pair) => {
    const [code = '', name = ''] = pair.split(':');
    return { stored: code, code, name, iso: `${country}-${code}` };
  });
}
