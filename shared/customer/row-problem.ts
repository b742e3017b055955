import type { ErrorCode } from '../errors/error-codes.ts';
import type { CanonicalKey } from './canonical-keys.ts';
import type { RowProblem } from './customer-record.ts';

/** A check's result: the normalised value, or the one problem that says what to fix. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: RowProblem };

/** Builds a problem; `en`/`ja` say what is wrong and what to write instead. */
export function rowProblem(code: ErrorCode, field: CanonicalKey | undefined, en: string, ja: string): RowProblem {
  return field === undefined ? { code, message: { en, ja } } : { code, field, message: { en, ja } };
}

export function fail(code: ErrorCode, field: CanonicalKey | undefined, en: string, ja: string): { ok: false; problem: RowProblem } {
  return { ok: false, problem: rowProblem(code, field, en, ja) };
}

/** Quotes a value for a message, shortened so that a pasted paragraph does not flood the table. */
export function quote(value: string): string {
  return `"${value.length > 40 ? `${value.slice(0, 37)}…` : value}"`;
}
