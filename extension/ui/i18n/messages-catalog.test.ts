import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANONICAL_KEYS } from '../../../shared/customer/canonical-keys.ts';
import { ROW_STATUSES } from '../../../shared/status/row-status.ts';
import { FIELD_FILL_STATUSES } from '../../../shared/form/fill-messages.ts';
import { CLOUD_NAMES } from '../../../shared/partner-center/clouds.ts';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import ja from '../../public/_locales/ja/messages.json' with { type: 'json' };
import { PANEL_FIELD_GROUPS } from '../single/form-layout.ts';
import { fillStatusKey, fillStepKey } from '../single/fill-report-view.tsx';
import { FILLED_PAGES } from '../../../shared/form/field-map.ts';

const extensionDir = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'public' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every `t('literal'` key written in the extension's UI code. */
function literalKeysUsed(): Set<string> {
  const keys = new Set<string>();
  for (const file of [...sourceFiles(join(extensionDir, 'ui')), ...sourceFiles(join(extensionDir, 'entrypoints'))]) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([^']+)'/g)) keys.add(match[1]!);
  }
  return keys;
}

/** Keys built from data (`field_${key}` …): each value of the data must have its message. */
const DYNAMIC_KEYS = [
  ...CANONICAL_KEYS.map((key) => `field_${key}`),
  ...PANEL_FIELD_GROUPS.map((group) => `group_${group.id}`),
  ...[...ROW_STATUSES, 'pending'].map((status) => `rowStatus_${status}`),
  ...FIELD_FILL_STATUSES.map(fillStatusKey),
  ...FILLED_PAGES.map(fillStepKey),
  ...CLOUD_NAMES.map((name) => `cloud_${name}`),
  ...['validating', 'queued', 'running', 'done', 'cancelled'].map((state) => `importState_${state}`),
  ...['P1M', 'P1Y', 'P3Y', 'monthly', 'annual'].map((option) => `option_${option}`),
  ...['customer', 'offers', 'term', 'billing_cycle', 'subscription_id'].map((key) => `orderField_${key}`),
];

describe('the UI message catalogs', () => {
  it('should have the same keys in English and Japanese', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('should keep the manifest description key', () => {
    expect(en.extensionDescription.message).toMatch(/Partner Center/);
    expect(ja.extensionDescription.message).not.toBe('');
  });

  it('should define every key the code uses', () => {
    const used = [...literalKeysUsed(), ...DYNAMIC_KEYS];
    expect(used.length).toBeGreaterThan(100);
    const missing = used.filter((key) => !Object.hasOwn(en, key));
    expect(missing).toEqual([]);
  });

  it('should use only key names and placeholders that browsers accept', () => {
    for (const [language, catalog] of Object.entries({ en, ja })) {
      for (const [key, entry] of Object.entries(catalog as Record<string, { message: string }>)) {
        expect(key, `${language}: ${key}`).toMatch(/^[A-Za-z0-9_@]+$/);
        expect(entry.message.trim(), `${language}: ${key} is empty`).not.toBe('');
        // `$name$` would need a placeholders entry; only positional $1–$9 are used.
        expect(entry.message.replace(/\$[1-9]/g, ''), `${language}: ${key}`).not.toContain('$');
      }
    }
  });

  it('should use the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      const placeholders = (message: string) => [...message.matchAll(/\$[1-9]/g)].map((m) => m[0]).sort();
      expect(placeholders((ja as Record<string, { message: string }>)[key]!.message), key).toEqual(
        placeholders((en as Record<string, { message: string }>)[key]!.message),
      );
    }
  });
});
