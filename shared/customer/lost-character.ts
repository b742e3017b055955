import type { CanonicalKey } from './canonical-keys.ts';
import type { RowProblem } from './customer-record.ts';
import { FIELD_LABELS } from './field-limits.ts';
import { quote, rowProblem } from './row-problem.ts';

/** The encodings of Excel's plain "CSV" format, which writes `?` for a character it cannot hold. */
const LOSSY_ENCODINGS: ReadonlySet<string> = new Set(['shift_jis', 'windows-1252']);

/** True when a file decoded with `encoding` may hold Excel's `?` in place of a lost character. */
export function isLossyEncoding(encoding: string | undefined): boolean {
  return encoding !== undefined && LOSSY_ENCODINGS.has(encoding);
}

const QUESTION_BETWEEN_LETTERS = /\p{L}\?\p{L}/u;

/** A `?` directly between two letters (`M?ller`, `S?o Paulo`): what Excel writes for a character its "CSV" format lost. */
export function hasLostCharacter(value: string): boolean {
  return value.includes('?') && QUESTION_BETWEEN_LETTERS.test(value);
}

/** The problem on a free-text field whose `?` stands for a lost character (docs/contracts/csv.md §4). */
export function lostCharacterProblem(field: CanonicalKey, value: string): RowProblem {
  const label = FIELD_LABELS[field];
  return rowProblem(
    'lost_character',
    field,
    `${label.en} ${quote(value)} has a "?" where Excel's "CSV" format lost a character it cannot hold. Save the sheet as "CSV UTF-8 (Comma delimited)" and import that file.`,
    `${label.ja} ${quote(value)} の「?」は、Excel の「CSV」形式で保存できずに失われた文字です。シートを「CSV UTF-8 (コンマ区切り)」で保存し、そのファイルをインポートしてください。`,
  );
}
