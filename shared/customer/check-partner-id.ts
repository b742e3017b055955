import { fail, quote, type Checked } from './row-problem.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGITS = /^\d+$/;

/** Checks the indirect reseller's tenant id (a GUID) and returns it lower-case. */
export function checkPartnerId(value: string): Checked<string> {
  if (GUID.test(value)) return { ok: true, value: value.toLowerCase() };
  if (DIGITS.test(value)) {
    return fail(
      'invalid_partner_id',
      'associated_partner_id',
      `${quote(value)} looks like an MPN/partner id; Partner Center needs the indirect reseller's tenant id, a GUID like 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.`,
      `${quote(value)} は MPN ID（パートナー ID）のようです。間接リセラーのテナント ID（0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0 のような GUID）を入力してください。`,
    );
  }
  return fail(
    'invalid_partner_id',
    'associated_partner_id',
    `${quote(value)} is not a tenant id. Write the indirect reseller's tenant id, a GUID like 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0, or leave it empty.`,
    `${quote(value)} はテナント ID ではありません。間接リセラーのテナント ID（GUID）を入力するか、空欄にしてください。`,
  );
}
