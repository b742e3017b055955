import type { Lang } from './strings.ts';

/** The Confirmation page in other words (`?confirmation=reworded`): nothing of it reads as the documented wording. */
export const REWORDED_CONFIRMATION: Record<Lang, { heading: string; intro: string; adminUser: string; password: string; close: string }> = {
  en: {
    heading: 'All set: the customer account is ready',
    intro: 'Share these sign-in details with the customer’s administrator.',
    adminUser: 'Sign-in name',
    password: 'Temporary password',
    close: 'Go to customer list',
  },
  ja: {
    heading: '準備ができました: 顧客アカウントを作成しました',
    intro: '次のサインイン情報をお客様の管理者に伝えてください。',
    adminUser: 'サインイン名',
    password: '一時パスワード',
    close: '顧客一覧へ',
  },
};

/** "Show" on a masked value (`?confirmation=user-hidden`). */
export const SHOW_WORD: Record<Lang, string> = { en: 'Show', ja: '表示' };
