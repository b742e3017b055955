import { state, type TextField } from './store.ts';

const REFUSALS: Partial<Record<TextField, { en: string; ja: string }>> = {
  postal: {
    en: 'We could not verify this postal code for the address. Check it and enter it again.',
    ja: 'この住所の郵便番号を確認できませんでした。確認して入力し直してください。',
  },
  mcaEmail: {
    en: "This email address cannot sign the agreement: use an address in the customer's own domain.",
    ja: 'このメール アドレスでは契約に署名できません。顧客のドメインのアドレスを使用してください。',
  },
};

/**
 * The deliberately broken wizards, applied when a field is left: `rewrite` changes what was typed
 * (City in capitals, the company name folded to half-width, the agreement date's day and month
 * swapped); `refuse` drops the postal code and the signer's email with a message of its own.
 * Whatever these do, the extension's report must say so.
 */
export function applyBrokenBehaviour(field: TextField): void {
  const value = state.values[field];
  if (state.variant.wizard === 'rewrite') {
    if (field === 'city') state.values.city = value.toUpperCase();
    if (field === 'companyName') state.values.companyName = value.normalize('NFKC');
    if (field === 'mcaDate') state.values.mcaDate = swapDayAndMonth(value);
  }
  if (state.variant.wizard === 'refuse') {
    const refusal = REFUSALS[field];
    if (refusal && value.trim() !== '') {
      state.refused.set(field, refusal[state.lang]);
      state.values[field] = '';
    }
  }
}

/** `3/5/2026` → `5/3/2026`, `2026/03/05` → `2026/05/03`, `2026-03-05` → `2026-05-03` (when both read as a month). */
function swapDayAndMonth(text: string): string {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us && Number(us[2]) <= 12) return `${us[2]}/${us[1]}/${us[3]}`;
  const ja = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (ja && Number(ja[3]) <= 12) return `${ja[1]}/${ja[3]}/${ja[2]}`;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso && Number(iso[3]) <= 12) return `${iso[1]}-${iso[3]}-${iso[2]}`;
  return text;
}
