import { callApi } from './api.ts';
import { h, onRender, scheduleRender, uid } from './dom.ts';
import { SWITCHES } from './page-switches.ts';
import { RESELLERS } from './resellers.ts';
import { state } from './store.ts';

/** The page's wording; the reseller label is the wizard's (docs/contracts/wizard-form.md). */
const WORDS = {
  en: {
    heading: 'Request a reseller relationship',
    intro: 'The customer already has a Microsoft tenant. Send this invitation to its global administrator; when they accept it, you become their reseller.',
    reseller: 'Indirect reseller',
    direct: 'None (direct relationship)',
    tenant: 'tenant',
    partnerId: 'Partner ID',
    invitation: 'Invitation',
    loading: 'Preparing the invitation…',
    body: (link: string) => `Dear customer,\n\nTo authorize us as your Microsoft Cloud Solution Provider, open this link and accept the invitation:\n${link}\n`,
    copy: 'Copy',
  },
  ja: {
    heading: 'リセラー関係の要求',
    intro: 'このお客様はすでに Microsoft のテナントをお持ちです。この招待を全体管理者に送ってください。承諾されると、リセラーになります。',
    reseller: '間接リセラー',
    direct: 'なし (直接の関係)',
    tenant: 'テナント',
    partnerId: 'パートナー ID',
    invitation: '招待メール',
    loading: '招待を準備しています…',
    body: (link: string) => `お客様各位\n\nMicrosoft クラウド ソリューション プロバイダーとして承認いただくには、次のリンクを開いて招待を承諾してください:\n${link}\n`,
    copy: 'コピー',
  },
};

let chosen = '';
let baseLink: string | null = null;

/**
 * Customers → Request a reseller relationship: for a customer that already has a tenant, the
 * invitation its administrator accepts, with an indirect reseller to name in it. Each reseller is
 * shown by name and tenant id, or — with `?resellers=partner-ids` — by its Partner ID alone; the
 * options' values are opaque, as nothing says the live page's are tenant ids.
 */
export function resellerRequestPage(): HTMLElement {
  const words = WORDS[state.lang];
  const byPartnerId = SWITCHES.resellers === 'partner-ids';
  if (baseLink === null) {
    void callApi('GET', '/v1/customers/relationshiprequests').then((answer) => {
      baseLink = String(answer.json?.url ?? '');
      scheduleRender();
    });
  }
  const selectId = uid('reseller');
  const select = h(
    'select',
    { id: selectId, onchange: (event: Event) => ((chosen = (event.target as HTMLSelectElement).value), scheduleRender()) },
    h('option', { value: '' }, words.direct),
    ...RESELLERS.map((reseller, index) =>
      h('option', { value: `r${index + 1}` }, byPartnerId ? `${words.partnerId} ${reseller.partnerId}` : `${reseller.name} (${words.tenant} ${reseller.tenantId})`),
    ),
  ) as HTMLSelectElement;
  const invitationId = uid('invitation');
  const invitation = h('textarea', { id: invitationId, readonly: true, rows: 7, cols: 80 }) as HTMLTextAreaElement;
  onRender(select, () => {
    if (select.value !== chosen) select.value = chosen;
    if (invitation.value !== invitationText()) invitation.value = invitationText();
  });
  const copy = h('button', { type: 'button' }, words.copy);
  copy.addEventListener('click', () => void navigator.clipboard?.writeText(invitationText()).catch(() => undefined));
  return h(
    'main',
    {},
    h('h1', {}, words.heading),
    h('p', {}, words.intro),
    h('div', { class: 'field' }, h('label', { for: selectId, class: 'ms-Label' }, words.reseller), select),
    h('div', { class: 'field' }, h('label', { for: invitationId, class: 'ms-Label' }, words.invitation), invitation, copy),
  );
}

/** The invitation with the link the sandbox gives, naming the chosen reseller's tenant (as the live link does). */
function invitationText(): string {
  const words = WORDS[state.lang];
  if (baseLink === null) return words.loading;
  const reseller = RESELLERS[Number(chosen.slice(1)) - 1];
  const link = reseller ? baseLink.replace('#', `&indirectCSPId=${reseller.tenantId}#`) : baseLink;
  return words.body(link);
}
