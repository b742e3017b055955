import type { CanonicalKey } from './canonical-keys.ts';
import { fail, quote, type Checked } from './row-problem.ts';

const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true], ['yes', true], ['y', true], ['1', true], ['はい', true],
  ['false', false], ['no', false], ['n', false], ['0', false], ['いいえ', false],
]);

// The two answers, shared: this runs twice per row, and callers only read them.
const TRUE: Checked<boolean> = Object.freeze({ ok: true, value: true });
const FALSE: Checked<boolean> = Object.freeze({ ok: true, value: false });

/** Parses `true/false, yes/no, y/n, 1/0, はい/いいえ` (any case); blank gives the default. */
export function parseBoolean(value: string, field: CanonicalKey, fallback: boolean): Checked<boolean> {
  if (value === '') return fallback ? TRUE : FALSE;
  const parsed = BOOLEANS.get(value.toLowerCase());
  if (parsed === undefined) {
    return fail(
      'invalid_boolean',
      field,
      `${quote(value)} is not a yes/no value. Write true or false (also yes/no, y/n, 1/0, はい/いいえ), or leave it empty for ${fallback}.`,
      `${quote(value)} は はい/いいえ の値ではありません。true または false（yes/no、y/n、1/0、はい/いいえ も可）を入力するか、空欄にしてください（既定: ${fallback}）。`,
    );
  }
  return parsed ? TRUE : FALSE;
}
