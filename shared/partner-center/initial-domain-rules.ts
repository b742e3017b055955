import type { InitialDomainRule } from '../customer/check-domain.ts';
import type { LocalizedMessage } from '../i18n/localized-message.ts';
import { CLOUDS, type CloudName, type LiveCloudName } from './clouds.ts';

/** How messages name each live cloud. */
export const CLOUD_LABELS: Readonly<Record<LiveCloudName, LocalizedMessage>> = {
  global: { en: 'global', ja: 'グローバル' },
  usgov: { en: 'US Government', ja: '米国政府機関' },
  china: { en: '21Vianet', ja: '21Vianet' },
};

const LIVE_CLOUDS = Object.keys(CLOUDS) as LiveCloudName[];

/** The clouds whose new tenants get `suffix`, named together ("global or US Government"). */
function ownersOf(suffix: string): LocalizedMessage {
  const owners = LIVE_CLOUDS.filter((name) => CLOUDS[name].initialDomainSuffix === suffix).map((name) => CLOUD_LABELS[name]);
  return { en: owners.map((label) => label.en).join(' or '), ja: owners.map((label) => label.ja).join('または') };
}

function buildRule(cloud: LiveCloudName): InitialDomainRule {
  const own = CLOUDS[cloud].initialDomainSuffix;
  const others = [...new Set(LIVE_CLOUDS.map((name) => CLOUDS[name].initialDomainSuffix))].filter((suffix) => suffix !== own);
  return {
    accepted: [`.${own}`],
    cloud: CLOUD_LABELS[cloud],
    refused: others.map((suffix) => ({ suffix: `.${suffix}`, cloud: ownersOf(suffix) })),
  };
}

const RULES: Readonly<Record<LiveCloudName, InitialDomainRule>> = { global: buildRule('global'), usgov: buildRule('usgov'), china: buildRule('china') };

/**
 * The domain-cell rule of a cloud's import (docs/contracts/csv.md §4): its own initial-domain
 * suffix (§0.4 of docs/contracts/partner-center.md), the others refused. One object per cloud,
 * built once. Germany closed (an import for it is refused before its rows are read): the global rule.
 *
 * @example checkDomain('contoso.partner.onmschina.cn', initialDomainRule('china')) // ok, 'contoso'
 */
export function initialDomainRule(cloud: CloudName): InitialDomainRule {
  return cloud === 'germany' ? RULES.global : RULES[cloud];
}

/**
 * Any live cloud's initial domain, for a file that does not know its cloud (the orders file: its
 * customer column names an existing customer, looked up in the import's cloud).
 */
export const ANY_CLOUD_INITIAL_DOMAINS: InitialDomainRule = {
  accepted: [...new Set(LIVE_CLOUDS.map((name) => `.${CLOUDS[name].initialDomainSuffix}`))],
  cloud: { en: 'any', ja: 'いずれかの' },
  refused: [],
};
