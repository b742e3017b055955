import type { ErrorCode } from '../../shared/errors/error-codes.ts';
import type { LocalizedMessage } from '../../shared/i18n/localized-message.ts';

/** Sentences the processor writes on rows, in EN and JA (say what to do next). */
export const ROW_MESSAGES = {
  addressUnverified: (status: string, suggestion: string | undefined): LocalizedMessage => ({
    en: `Partner Center could not verify the address (${status}).${suggestion ? ` Suggested address: ${suggestion}.` : ''} Fix the address columns.`,
    ja: `Partner Center が住所を確認できませんでした (${status})。${suggestion ? `候補の住所: ${suggestion}。` : ''}住所の列を修正してください。`,
  }),
  offerUnknown: (id: string): LocalizedMessage => ({
    en: `The offer ${id} is not in the Partner Center catalog for this country; check the id in the offers column.`,
    ja: `オファー ${id} はこの国のカタログにありません。offers 列の ID を確認してください。`,
  }),
  azurePlanQuantity: (id: string): LocalizedMessage => ({
    en: `The Azure plan ${id} is bought with quantity 1; remove the quantity in the offers column.`,
    ja: `Azure プラン ${id} の数量は 1 です。offers 列の数量を削除してください。`,
  }),
  termNotOffered: (id: string, term: string): LocalizedMessage => ({
    en: `The offer ${id} is not sold with the term ${term}; choose one of the terms it offers.`,
    ja: `オファー ${id} は期間 ${term} で購入できません。提供されている期間を選んでください。`,
  }),
  billingNotOffered: (id: string, cycle: string): LocalizedMessage => ({
    en: `The offer ${id} is not billed ${cycle}; choose a billing cycle it offers.`,
    ja: `オファー ${id} は請求サイクル ${cycle} に対応していません。対応する請求サイクルを選んでください。`,
  }),
  mcaSkipped: (cloud: string): LocalizedMessage => ({
    en: `Created. The Microsoft Customer Agreement attestation was skipped: it exists in the global cloud only (this import uses ${cloud}).`,
    ja: `作成しました。Microsoft 顧客契約の同意確認はグローバル クラウドのみのため省略しました (このインポートは ${cloud})。`,
  }),
  adminPasswordReset: (adminUser: string): LocalizedMessage => ({
    en: `Created. Partner Center's answer to the create call was lost, so the admin password of ${adminUser} was reset: reveal the new one once, as usual (it must be changed at the first sign-in).`,
    ja: `作成しました。顧客作成の応答が失われたため、${adminUser} の管理者パスワードをリセットしました。新しいパスワードはいつもどおり一度だけ表示できます（初回サインイン時に変更が必要です）。`,
  }),
  adminPasswordNotReset: (adminUser: string, reason: string): LocalizedMessage => ({
    en: `Created, but Partner Center's answer with the admin password was lost and the password could not be reset (${reason}). Reset the admin password of ${adminUser} in Partner Center (Customers → the customer → Users).`,
    ja: `作成しましたが、管理者パスワードを含む応答が失われ、パスワードをリセットできませんでした (${reason})。Partner Center（顧客 → 該当の顧客 → ユーザー）で ${adminUser} の管理者パスワードをリセットしてください。`,
  }),
  /**
   * A write lost its answer and reading back whether it happened failed or could not tell
   * (answer_lost, docs/contracts/partner-center.md §0.20): what to look at in Partner Center, and
   * to retry the row rather than import it again (a new import would not know of the write: a
   * customer file takes the customer from the ledger and goes no further, an orders file would buy
   * again).
   * `since` is when the row first sent the write (ISO); `importId` completes the retry command.
   */
  answerLost: (write: LostAnswerWrite, customerId: string, since: string, reason: string, importId: string): LocalizedMessage => {
    const { en, ja } = LOST_WRITE[write];
    const at = `${since.slice(0, 16).replace('T', ' ')} UTC`;
    return {
      en: `Partner Center's answer to ${en.what} for the customer ${customerId} was lost, and reading back whether it happened did not tell (${reason}). Before going on, check in Partner Center (Customers → ${customerId} → ${en.where}) ${en.check(at)}. Then retry the failed rows (pc-onboard retry ${importId}) rather than importing the row again: the retry reads Partner Center back before writing and does not repeat what happened.`,
      ja: `顧客 ${customerId} の${ja.what}に対する Partner Center の応答が失われ、実行されたかどうかを読み取りで確認できませんでした (${reason})。続行する前に Partner Center（顧客 → ${customerId} → ${ja.where}）で${ja.check(at)}。その後、行を再度インポートせずに、失敗した行を再試行してください (pc-onboard retry ${importId})。再試行は書き込みの前に Partner Center を読み直し、実行済みの処理は繰り返しません。`,
    };
  },
  cancelled: (): LocalizedMessage => ({
    en: 'The import was cancelled before this row ran; nothing was created. Import the row again to create it.',
    ja: 'この行の処理前にインポートが取り消されました。何も作成していません。作成するには再度インポートしてください。',
  }),
  failure: (code: ErrorCode, detail: string): LocalizedMessage => ({
    en: `${FAILURE_EN[code] ?? 'Partner Center refused the request.'} (${detail})`,
    ja: `${FAILURE_JA[code] ?? 'Partner Center が要求を拒否しました。'} (${detail})`,
  }),
};

/** The writes whose lost answer is read back (docs/contracts/partner-center.md §0.20). */
export type LostAnswerWrite = 'agreement' | 'checkout' | 'legacy-order';

const LOST_WRITE: Record<LostAnswerWrite, Record<'en' | 'ja', { what: string; where: string; check: (at: string) => string }>> = {
  agreement: {
    en: { what: 'the Microsoft Customer Agreement attestation', where: 'Account', check: () => "whether the Microsoft Customer Agreement is shown as accepted (a partner attestation with the row's mca_* contact)" },
    ja: { what: 'Microsoft 顧客契約の同意確認', where: 'アカウント', check: () => 'Microsoft 顧客契約が同意済み（行の mca_* の連絡先によるパートナー確認）になっているか確認してください' },
  },
  checkout: {
    en: { what: "the checkout of the cart with the row's new-commerce offers", where: 'Subscriptions and Order history', check: (at) => `whether subscriptions for the row's offers were bought at or after ${at}; if they were, they are the row's and must not be bought again` },
    ja: { what: '新しいコマース オファーのカートのチェックアウト', where: 'サブスクリプションと注文履歴', check: (at) => `${at} 以降に行のオファーのサブスクリプションが購入されているか確認してください。購入されていれば、それがこの行の購入です。再度購入しないでください` },
  },
  'legacy-order': {
    en: { what: "the order of the row's legacy offers", where: 'Subscriptions and Order history', check: (at) => `whether an order with the row's legacy offers and quantities was placed at or after ${at}; if it was, it is the row's and must not be placed again` },
    ja: { what: 'レガシー オファーの注文', where: 'サブスクリプションと注文履歴', check: (at) => `${at} 以降に行のレガシー オファーと数量の注文が行われているか確認してください。行われていれば、それがこの行の注文です。再度注文しないでください` },
  },
};

const FAILURE_EN: Partial<Record<ErrorCode, string>> = {
  rate_limited: 'Partner Center kept throttling the requests; retry the failed rows later.',
  upstream_error: 'Partner Center answered with a server error or did not answer; retry the failed rows later.',
  timeout: 'Partner Center did not answer in time; retry the failed rows later.',
  unauthorized: 'Partner Center refused the credentials; check the PARTNER_CENTER_* settings.',
  forbidden: 'Partner Center refused the operation for this partner or token.',
  agreement_rejected: 'Partner Center refused the customer agreement attestation; check the mca_* columns.',
  order_rejected: 'Partner Center refused an order; the customer was created, check the offers.',
  internal_error: 'pc-onboard failed on this row; the log has details. Retry the failed rows.',
};

const FAILURE_JA: Partial<Record<ErrorCode, string>> = {
  rate_limited: 'Partner Center のスロットリングが続きました。後で失敗した行を再試行してください。',
  upstream_error: 'Partner Center がサーバー エラーを返したか応答しませんでした。後で失敗した行を再試行してください。',
  timeout: 'Partner Center が時間内に応答しませんでした。後で失敗した行を再試行してください。',
  unauthorized: 'Partner Center が資格情報を拒否しました。PARTNER_CENTER_* の設定を確認してください。',
  forbidden: 'Partner Center がこのパートナーまたはトークンでの操作を拒否しました。',
  agreement_rejected: 'Partner Center が顧客契約の同意確認を拒否しました。mca_* 列を確認してください。',
  order_rejected: 'Partner Center が注文を拒否しました。顧客は作成済みです。offers を確認してください。',
  internal_error: 'pc-onboard がこの行で失敗しました。ログを確認し、失敗した行を再試行してください。',
};
