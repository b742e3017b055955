import type { LocalizedMessage } from '../../../shared/i18n/localized-message.ts';

/**
 * The sentences of a fill report that come from the extension itself (the page's own validation
 * texts are passed on as the page wrote them), in both UI languages.
 */
export const FILL_TEXTS = {
  aborted: (): LocalizedMessage => ({ en: 'The fill was stopped.', ja: '入力を中止しました。' }),
  wrongValueType: (): LocalizedMessage => ({ en: 'This field does not take that kind of value.', ja: 'この欄にはその種類の値を入力できません。' }),
  valueNotKept: (wanted: string, shown: string): LocalizedMessage => ({
    en: `The page did not keep "${wanted}" (it shows "${shown}").`,
    ja: `ページが「${wanted}」を保持しませんでした (表示: 「${shown}」)。`,
  }),
  checkboxNotKept: (checked: boolean): LocalizedMessage => ({
    en: `The checkbox stayed ${checked ? 'checked' : 'unchecked'}.`,
    ja: `チェック ボックスが${checked ? 'オン' : 'オフ'}のままです。`,
  }),
  listNotOpened: (): LocalizedMessage => ({ en: 'The list did not open.', ja: '一覧が開きませんでした。' }),
  optionNotFound: (wanted: string, available: string): LocalizedMessage => ({
    en: `No option "${wanted}" in the list${available ? ` (${available})` : ''}.`,
    ja: `一覧に「${wanted}」がありません${available ? ` (${available})` : ''}。`,
  }),
  optionNotKept: (option: string): LocalizedMessage => ({ en: `The list did not keep "${option}".`, ja: `一覧で「${option}」が選択されませんでした。` }),
  fixedHolds: (): LocalizedMessage => ({ en: 'Fixed on this page; it already holds the value.', ja: 'このページでは固定されており、すでに値が入っています。' }),
  pageMarkedInvalid: (): LocalizedMessage => ({ en: 'The page marked this field invalid.', ja: 'ページがこの欄を無効としました。' }),
  pageShowsOther: (shown: string, meant: string): LocalizedMessage => ({
    en: shown ? `The page shows "${shown}", not "${meant}".` : `The page shows nothing, not "${meant}".`,
    ja: shown ? `ページの表示は「${shown}」で、「${meant}」ではありません。` : `ページには何も表示されておらず、「${meant}」ではありません。`,
  }),
  heldWithoutValue: (shown: string): LocalizedMessage => ({
    en: `The page holds "${shown}", but the record has nothing for this field.`,
    ja: `ページには「${shown}」が入っていますが、レコードにこの欄の値はありません。`,
  }),
  fieldGone: (): LocalizedMessage => ({ en: 'The field was no longer on the page when it was read back.', ja: '読み返したとき、この欄はページにありませんでした。' }),
  noOfferRow: (offerId: string, searched: string): LocalizedMessage => ({
    en: `No row shows the id ${offerId}${searched ? ` (searched the list for "${searched}")` : ''}.`,
    ja: `ID ${offerId} を表示する行がありません${searched ? ` (一覧を「${searched}」で検索しました)` : ''}。`,
  }),
  offerNotTicked: (): LocalizedMessage => ({ en: 'The offer is not selected on the page.', ja: 'ページでこのオファーが選択されていません。' }),
  quantityOther: (shown: string, meant: string): LocalizedMessage => ({
    en: `The number of licenses shows "${shown}", not ${meant}.`,
    ja: `ライセンス数の表示は「${shown}」で、${meant} ではありません。`,
  }),
  noOfferCheckbox: (): LocalizedMessage => ({ en: 'The row has no select checkbox.', ja: '行に選択のチェック ボックスがありません。' }),
  noWizard: (): LocalizedMessage => ({ en: 'No Add-customer wizard step is showing on this page.', ja: 'このページには顧客の追加ウィザードが表示されていません。' }),
  stepNotFilled: (): LocalizedMessage => ({ en: 'This step is not filled: a person reviews and submits.', ja: 'このステップは入力しません。内容を確認して送信してください。' }),
  noQuantityBox: (): LocalizedMessage => ({ en: 'No number-of-licenses box in the row.', ja: '行にライセンス数の入力欄がありません。' }),
  // Pages matched by what a person sees (docs/wizard-filling.md): offers by name, a taken domain, the reseller request.
  offerNameAmbiguous: (names: readonly string[]): LocalizedMessage => ({
    en: `The list shows no ids, and several rows could be this offer ("${names.join('", "')}"): nothing was ticked. Tick the right one yourself.`,
    ja: `一覧に ID が表示されておらず、このオファーに当たる行が複数あります (「${names.join('」、「')}」)。どれも選択していません。正しい行を選択してください。`,
  }),
  offerNameNoted: (name: string): LocalizedMessage => ({
    en: `The list shows no ids, and its only row close to this offer is "${name}", which differs by a note in brackets and may be another product: nothing was ticked. Tick it yourself if it is this offer.`,
    ja: `一覧に ID が表示されておらず、このオファーに近い行は「${name}」だけですが、かっこ内の注記が異なり別の製品の可能性があります。何も選択していません。このオファーであればご自身で選択してください。`,
  }),
  domainTaken: (domain: string, signal: string): LocalizedMessage => ({
    en: `The page shows ${domain} as taken ("${signal}"). If this customer already has a tenant under that name, do not create it again: send it a reseller relationship request (Customers → Request a reseller relationship). Otherwise choose another domain name.`,
    ja: `ページでは ${domain} は使用済みと表示されています (「${signal}」)。このお客様がすでにこの名前のテナントをお持ちなら、作成し直さずにリセラー関係の要求を送ってください (顧客 → リセラー関係の要求)。そうでなければ別のドメイン名を選んでください。`,
  }),
  resellerListUnread: (tenantId: string): LocalizedMessage => ({
    en: `The reseller list could not be read, so nothing was chosen: choose the reseller whose tenant id is ${tenantId} yourself.`,
    ja: `リセラーの一覧を読み取れなかったため、何も選択していません。テナント ID が ${tenantId} のリセラーをご自身で選んでください。`,
  }),
  resellerNotShownByTenant: (tenantId: string): LocalizedMessage => ({
    en: `The page names resellers by company name or Partner ID only, and the record gives only the reseller's tenant id ${tenantId}: nothing was chosen. Choose the reseller yourself.`,
    ja: `ページではリセラーが会社名またはパートナー ID だけで表示されており、レコードにはリセラーのテナント ID ${tenantId} しかありません。何も選択していません。リセラーをご自身で選んでください。`,
  }),
  resellerNotListed: (tenantId: string): LocalizedMessage => ({
    en: `No reseller in the list shows the tenant id ${tenantId}.`,
    ja: `一覧にテナント ID ${tenantId} を表示するリセラーがありません。`,
  }),
  invitationNamesOther: (shown: string, meant: string): LocalizedMessage => ({
    en: shown ? `The invitation names the reseller tenant ${shown}, not ${meant}.` : `The invitation names no reseller, not ${meant}.`,
    ja: shown ? `招待に記載されたリセラーのテナントは ${shown} で、${meant} ではありません。` : `招待にリセラーが記載されておらず、${meant} ではありません。`,
  }),
  // Report honesty: fields the fill cannot or must not put a value into (docs/wizard-filling.md).
  fixedShowsOther: (shown: string, meant: string): LocalizedMessage => ({
    en: `The page fixes this field to "${shown}" and it cannot be changed here; the record has "${meant}". Check which is right.`,
    ja: `この欄はページで「${shown}」に固定されており、ここでは変更できません。レコードの値は「${meant}」です。どちらが正しいか確認してください。`,
  }),
  pickDateByHand: (meant: string): LocalizedMessage => ({
    en: `This date picker takes no typing: open its calendar and pick ${meant} by hand.`,
    ja: `この日付ピッカーには入力できません。カレンダーを開いて ${meant} を手で選んでください。`,
  }),
  unknownRequiredEmpty: (): LocalizedMessage => ({
    en: 'A required field pc-onboard does not know: fill it by hand.',
    ja: 'pc-onboard が知らない必須の欄です。手で入力してください。',
  }),
  unknownRequiredHeld: (shown: string): LocalizedMessage => ({
    en: `A required field pc-onboard does not know; it holds "${shown}": check it.`,
    ja: `pc-onboard が知らない必須の欄です。「${shown}」が入っています。確認してください。`,
  }),
  noAgreementInCloud: (cloud: LocalizedMessage): LocalizedMessage => ({
    en: `Not filled: there is no Microsoft Customer Agreement attestation in the ${cloud.en} cloud.`,
    ja: `入力しません: ${cloud.ja} クラウドには Microsoft 顧客契約の同意確認はありません。`,
  }),
};
