import type { LocalizedMessage } from '../../../shared/i18n/localized-message.ts';
import type { OrderCustomer } from '../../../shared/orders/validate-order.ts';
import type { EarlierApplication } from '../../store/stored-plan.ts';

/** The sentences an orders row ends with (docs/contracts/csv.md §6), in English and Japanese. */
export const ORDER_MESSAGES = {
  customerNotFound: (customer: OrderCustomer): LocalizedMessage =>
    customer.kind === 'tenant'
      ? {
          en: `Customer ${customer.value} is not one of your customers in Partner Center. Check the tenant id, or write the customer's initial domain instead.`,
          ja: `顧客 ${customer.value} はパートナー センターのお客様の中にありません。テナント ID を確認するか、顧客の初期ドメインを入力してください。`,
        }
      : {
          en: `No customer of yours has the initial domain ${customer.value}. Check the domain, or write the customer's tenant id instead.`,
          ja: `初期ドメインが ${customer.value} のお客様はいません。ドメインを確認するか、顧客のテナント ID を入力してください。`,
        },
  /** Every item of the row was applied by an earlier import of the same file. */
  appliedBefore: (earlier: EarlierApplication): LocalizedMessage => ({
    en: `Already applied by import ${earlier.importId} of ${earlier.importCreatedAt} (the same file); nothing was changed. Import it with --again to apply it once more.`,
    ja: `同じファイルのインポート ${earlier.importId}（${earlier.importCreatedAt}）で適用済みのため、何も変更していません。もう一度適用するには --again を付けてインポートしてください。`,
  }),
  /** Some items of the row were applied by an earlier import of the same file; the others now were. */
  partlyAppliedBefore: (earlier: EarlierApplication, items: number): LocalizedMessage => ({
    en: `${items} item(s) of this row were already applied by import ${earlier.importId} of ${earlier.importCreatedAt} (the same file) and were left as they are.`,
    ja: `この行の ${items} 件は同じファイルのインポート ${earlier.importId}（${earlier.importCreatedAt}）で適用済みのため、変更していません。`,
  }),
};
