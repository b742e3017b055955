import { CLOUDS, type LiveCloudName } from '../../../shared/partner-center/clouds.ts';
import { textOf } from '../dom/field-names.ts';
import { composedParent } from '../dom/walk-deep.ts';

/** How far up from the domain box its fixed suffix is looked for (the box, its row, its field). */
const SUFFIX_LEVELS = 3;

/**
 * The cloud whose wizard this is. The page says so where it can: the 21Vianet dashboard host, or
 * the initial-domain suffix drawn after the domain box (`.partner.onmschina.cn`). Global and US
 * Government share both host and suffix, so between those two the Options setting decides; it is
 * also the fallback when the page shows neither (docs/wizard-filling.md "Clouds").
 */
export function detectCloud(origin: string, domainBox: Element | undefined, chosen: LiveCloudName): LiveCloudName {
  const shown = domainBox ? suffixShownNear(domainBox) : null;
  const fromPage = shown ?? (origin === CLOUDS.china.dashboardHost ? 'china' : null);
  if (fromPage === null) return chosen;
  if (fromPage === 'china') return 'china';
  // The page shows a global / US Government suffix: a `china` setting is the one that is wrong.
  return chosen === 'china' ? 'global' : chosen;
}

/** `china` or `global` (standing for both clouds with that suffix) when a suffix shows right after the domain box. */
function suffixShownNear(domainBox: Element): 'china' | 'global' | null {
  let container = composedParent(domainBox);
  for (let level = 0; container && level < SUFFIX_LEVELS; level++, container = composedParent(container)) {
    const text = textOf(container).toLowerCase();
    if (text.includes(`.${CLOUDS.china.initialDomainSuffix}`)) return 'china';
    if (text.includes(`.${CLOUDS.global.initialDomainSuffix}`)) return 'global';
  }
  return null;
}
