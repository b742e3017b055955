import type { FormValue } from '../../../shared/form/form-values.ts';
import type { LocalizedMessage } from '../../../shared/i18n/localized-message.ts';

/** Why a filler could not put the value in; short stable codes. */
export type FillFailureCode = 'OPTION_NOT_FOUND' | 'LIST_NOT_OPENED' | 'VALUE_NOT_KEPT' | 'WRONG_VALUE_TYPE' | 'ABORTED';

export type FillResult = { ok: true } | { ok: false; code: FillFailureCode; message: LocalizedMessage };

interface FillerOptions {
  /** Aborted when the content script is invalidated or the fill is superseded. */
  signal: AbortSignal;
}

/** Puts one value into one control, as a person would, and says whether it took. */
export type Filler = (element: Element, value: FormValue, options: FillerOptions) => Promise<FillResult>;

export function fillFailure(code: FillFailureCode, message: LocalizedMessage): FillResult {
  return { ok: false, code, message };
}

export const FILLED: FillResult = { ok: true };
