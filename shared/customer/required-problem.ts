import type { CanonicalKey } from './canonical-keys.ts';
import type { RowProblem } from './customer-record.ts';
import { FIELD_LABELS } from './field-limits.ts';
import { rowProblem } from './row-problem.ts';

/** The problem of an empty required field; `country` names the country that requires it. */
export function requiredProblem(field: CanonicalKey, country?: string): RowProblem {
  const label = FIELD_LABELS[field];
  if (field === 'mca_date') {
    return rowProblem('required', field, 'Agreement date is required when mca_accepted is true. Fill in the date the customer accepted (YYYY-MM-DD).', '顧客契約同意が true の場合、同意日は必須です。同意した日付（YYYY-MM-DD）を入力してください。');
  }
  if (field === 'mca_first_name' || field === 'mca_last_name' || field === 'mca_email') {
    return rowProblem(
      'required',
      field,
      `${label.en} is required when other signer fields are given. Fill it in, or leave all signer fields empty to make the primary contact the signer.`,
      `同意者の他の項目が入力されている場合、${label.ja}は必須です。入力するか、同意者の項目をすべて空欄にして主要連絡先を同意者にしてください。`,
    );
  }
  return country
    ? rowProblem('required', field, `${label.en} is required for customers in ${country}. Fill it in.`, `${country} の顧客では${label.ja}は必須です。入力してください。`)
    : rowProblem('required', field, `${label.en} is required. Fill it in.`, `${label.ja}は必須です。入力してください。`);
}
