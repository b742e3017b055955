import type { CanonicalKey } from '../customer/canonical-keys.ts';
import { FIELD_LABELS } from '../customer/field-limits.ts';
import { CsvFileError } from './csv-file-error.ts';
import { mapHeader } from './map-header.ts';
import { suggestHeader } from './suggest-header.ts';

/**
 * Checks a header line (or a user-chosen mapping) and throws the file-level error of
 * docs/contracts/csv.md §3: no recognised column, a known column twice, a required column missing.
 */
export function checkHeader(columns: readonly string[], keys: readonly (CanonicalKey | null)[], automatic: boolean): void {
  const mapping = mapHeader(columns);
  if (automatic && mapping.recognized === 0) {
    throw new CsvFileError({
      reason: 'no_header',
      message: {
        en: 'The first line is not a header: none of its cells is a known column name (e.g. company_name, domain, country). Add the header line from examples/customers.csv.',
        ja: '1 行目がヘッダーではありません。既知の列名（company_name、domain、country など）が 1 つもありません。examples/customers.csv のヘッダー行を追加してください。',
      },
    });
  }
  const seen = new Map<CanonicalKey, number>();
  const duplicates = automatic ? mapping.duplicates.map(({ key, columns: indexes }) => ({ key, indexes })) : [];
  if (!automatic) {
    keys.forEach((key, index) => {
      if (key === null) return;
      const first = seen.get(key);
      if (first !== undefined) duplicates.push({ key, indexes: [first, index] });
      else seen.set(key, index);
    });
  }
  const duplicate = duplicates[0];
  if (duplicate) {
    const names = duplicate.indexes.map((index) => `"${columns[index] ?? ''}" (column ${index + 1})`);
    throw new CsvFileError({
      reason: 'duplicate_column',
      columns: duplicate.indexes.map((index) => columns[index] ?? ''),
      message: {
        en: `The column ${duplicate.key} is given twice: ${names.join(' and ')}. Remove or rename one of them.`,
        ja: `列 ${duplicate.key} が 2 回あります: ${names.join(' と ')}。どちらかを削除するか名前を変更してください。`,
      },
    });
  }
  const present = new Set(keys.filter((key): key is CanonicalKey => key !== null));
  const missing = mapping.missingRequired.filter((key) => !present.has(key));
  const first = missing[0];
  if (first) {
    const suggestion = suggestHeader(first, columns, keys);
    const hint = suggestion ? { en: ` Did you mean "${suggestion}"?`, ja: `「${suggestion}」のことですか？` } : { en: '', ja: '' };
    const others = missing.length > 1 ? { en: ` (also missing: ${missing.slice(1).join(', ')})`, ja: `（他にも不足: ${missing.slice(1).join('、')}）` } : { en: '', ja: '' };
    throw new CsvFileError({
      reason: 'missing_column',
      columns: [first],
      ...(suggestion ? { suggestion } : {}),
      message: {
        en: `The required column ${first} ("${FIELD_LABELS[first].en}") is missing${others.en}.${hint.en} Add the column or rename the header.`,
        ja: `必須の列 ${first}（${FIELD_LABELS[first].ja}）がありません${others.ja}。${hint.ja}列を追加するか、ヘッダー名を変更してください。`,
      },
    });
  }
}
