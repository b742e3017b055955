/**
 * The replica's query-string switches, read once as the page opens (the query string survives the
 * wizard's pushState navigation). Documented in docs/wizard-filling.md "The replica".
 *
 * Pages the fill report must read honestly (classic version; fields in `honesty-fields.ts`):
 * - `?required=taxid` — a required "Tax ID" (納税者番号) that no field map knows;
 * - `?radios=language` — Language as a radio group; `?radios=stuck` — one that keeps English
 *   checked whatever is clicked;
 * - `?fixed=country` — Country/region fixed to the United States (disabled);
 * - `?datepicker=readonly` — the agreement date takes no typing, only a pick in its calendar;
 * - `?cloud=usgov|china` — a national cloud's wizard: no agreement attestation, and on 21Vianet
 *   the `.partner.onmschina.cn` domain suffix.
 *
 * Switches that each take away something the extension might rely on, so that it is proven to find
 * things by what a person sees:
 * - `?offers=names-only` — the Subscriptions list shows offer names only, no catalog ids anywhere;
 * - `?confirmation=reworded` — the Confirmation page has other words (heading, labels, its closing
 *   button) and no stepper; `user-hidden`: the admin user name is masked until "Show" is pressed;
 *   `user-absent`: no admin user name, only the password;
 * - `?resellers=partner-ids` — the reseller relationship request page lists resellers by Partner ID;
 * - `?taken=status-only` — a taken domain shows only as a status icon's accessible name, no error text.
 */
const query = new URLSearchParams(location.search);

/** The query's value of `name` when it is one of `values`, else the first (the documented page). */
function pick<T extends string>(name: string, values: readonly T[]): T {
  const given = query.get(name);
  return values.find((value) => value === given) ?? values[0]!;
}

const radios = pick('radios', ['none', 'language', 'stuck']);
const cloud = pick('cloud', ['global', 'usgov', 'china']);

export const SWITCHES = {
  unknownRequired: query.get('required') === 'taxid',
  languageRadios: radios !== 'none',
  stuckRadios: radios === 'stuck',
  fixedCountry: query.get('fixed') === 'country',
  readonlyDate: query.get('datepicker') === 'readonly',
  /** No MCA attestation outside the global cloud (docs/contracts/partner-center.md §0.4). */
  showsAgreement: cloud === 'global',
  domainSuffix: cloud === 'china' ? '.partner.onmschina.cn' : '.onmicrosoft.com',
  offers: pick('offers', ['ids', 'names-only']),
  confirmation: pick('confirmation', ['plain', 'reworded', 'user-hidden', 'user-absent']),
  resellers: pick('resellers', ['names', 'partner-ids']),
  taken: pick('taken', ['error', 'status-only']),
} as const;
