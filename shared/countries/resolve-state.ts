import { getCountryRule } from './country-rules.ts';
import type { StateEntry } from './states/state-entry.ts';

const IGNORED = /[\s\u00a0\u3000.\-_']/gu;
// 東京都 → 東京, 大阪府 → 大阪, 青森県 → 青森 (北海道 keeps its name).
const PREFECTURE_SUFFIX = /[都府県]$/u;
const ROMAJI_SUFFIX = /(?:-?(?:to|fu|ken)|prefecture)$/u;

const MARKS = /\p{M}/gu;

/** Other names still in spreadsheets (former or colloquial), by country: name → state code. */
const STATE_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  MX: { CDMX: 'CMX', 'Mexico City': 'CMX', DF: 'CMX', 'Distrito Federal': 'CMX', DIF: 'CMX', 'State of Mexico': 'MEX', 'Mexico State': 'MEX' },
  US: { 'Washington DC': 'DC', 'Washington, D.C.': 'DC' },
  CA: { PQ: 'QC', Newfoundland: 'NL', Labrador: 'NL' },
  IN: { Orissa: 'OR', Pondicherry: 'PY', Uttaranchal: 'UT', 'New Delhi': 'DL', 'National Capital Territory of Delhi': 'DL' },
};

/** Case, spaces, punctuation and accents do not matter: `Québec` = `quebec`, `Nuevo León` = `nuevo leon`. */
function stateKey(value: string): string {
  return value.normalize('NFKD').replace(MARKS, '').normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

const lookupCache = new Map<string, ReadonlyMap<string, StateEntry>>();
/** Values exactly as usually written (`WA`, `東京都`, `Tokyo`): found without normalising. */
const exactCache = new Map<string, ReadonlyMap<string, StateEntry>>();

function exactFor(country: string, states: readonly StateEntry[]): ReadonlyMap<string, StateEntry> {
  let map = exactCache.get(country);
  if (!map) {
    const exact = new Map<string, StateEntry>();
    for (const state of states) {
      for (const name of [state.code, state.name, state.stored, state.localName]) if (name) exact.set(name, state);
    }
    exactCache.set(country, exact);
    map = exact;
  }
  return map;
}

function lookupFor(country: string, states: readonly StateEntry[]): ReadonlyMap<string, StateEntry> {
  const cached = lookupCache.get(country);
  if (cached) return cached;
  const map = new Map<string, StateEntry>();
  for (const state of states) {
    const names = [state.code, state.name, state.stored];
    if (state.iso) names.push(state.iso);
    if (state.localName) names.push(state.localName, state.localName.replace(PREFECTURE_SUFFIX, ''));
    for (const name of names) map.set(stateKey(name), state);
  }
  for (const [alias, code] of Object.entries(STATE_ALIASES[country] ?? {})) {
    const state = states.find((entry) => entry.code === code);
    if (state && !map.has(stateKey(alias))) map.set(stateKey(alias), state);
  }
  lookupCache.set(country, map);
  return map;
}

/**
 * Finds a state of a country with a state list by code, English name, local name or ISO 3166-2
 * code, or undefined (also for countries without a list).
 *
 * @example resolveState('JP', 'Tokyo')?.stored // '東京都'
 * @example resolveState('US', 'Washington')?.stored // 'WA'
 */
export function resolveState(country: string, value: string): StateEntry | undefined {
  const states = getCountryRule(country).states;
  if (!states) return undefined;
  const exact = exactFor(country, states).get(value);
  if (exact) return exact;
  const lookup = lookupFor(country, states);
  const key = stateKey(value);
  return lookup.get(key) ?? (country === 'JP' ? lookup.get(key.replace(ROMAJI_SUFFIX, '')) : undefined);
}
