import { loadCatalog } from './api.ts';
import { controlledCheckbox, controlledText } from './controlled.ts';
import { h, onRender, scheduleRender, uid } from './dom.ts';
import { offerListStyle, shownId, shownName, type OfferListStyle } from './offer-list-styles.ts';
import { state, strings, type CatalogRow } from './store.ts';
import { FIELD_STYLES, PAGE_STYLES } from './styles.ts';

/**
 * Step 2 — Subscriptions: the sandbox catalog as a searchable list; a quantity box shows once a row
 * is ticked. How the list is drawn (names, ids, search, shadow root) depends on the wizard version.
 */
export function subscriptionsStep(back: () => void, next: () => void): HTMLElement {
  const s = strings();
  const style = offerListStyle();
  const list = h('div', style.grid ? { class: 'offer-list', role: 'grid', 'aria-label': s.reviewSubscriptions } : { class: 'offer-list', role: 'list' }, h('div', { class: 'offer-row' }, s.loading));
  const more = h('div', { class: 'offer-id', 'aria-live': 'polite' });
  if (state.catalog === null) {
    void loadCatalog(state.values.country || 'US').then((catalog) => {
      state.catalog = catalog;
      scheduleRender();
    });
  }
  let applied = state.search;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let shown = '';
  onRender(list, () => {
    if (state.catalog === null) return;
    if (state.search !== applied) {
      if (style.debounceMs === 0) applied = state.search;
      else {
        // Filters once typing stops, busy meanwhile, as a search backed by the server does.
        list.setAttribute('aria-busy', 'true');
        clearTimeout(debounce);
        debounce = setTimeout(() => {
          applied = state.search;
          list.removeAttribute('aria-busy');
          scheduleRender();
        }, style.debounceMs);
        return;
      }
    }
    const wanted = applied.trim().toLowerCase();
    const matching = state.catalog.filter((row) => !wanted || shownName(row, style).toLowerCase().includes(wanted) || shownId(row, style).toLowerCase().includes(wanted));
    const rows = wanted ? matching : matching.slice(0, style.rowsWithoutSearch);
    const key = rows.map((row) => row.id).join('|');
    if (key === shown) return;
    shown = key;
    list.replaceChildren(...rows.map((row) => offerRow(row, style)));
    more.textContent = rows.length < matching.length ? (state.lang === 'ja' ? `${matching.length} 件中 ${rows.length} 件を表示しています。ほかのオファーは検索してください。` : `Showing ${rows.length} of ${matching.length} offers. Search to find more.`) : '';
  });
  const searchId = uid('search');
  const search = controlledText({ get: () => state.search, set: (value) => (state.search = value), attributes: { id: searchId, type: 'search' } });
  const content = [h('div', { class: 'field' }, h('label', { for: searchId, class: 'ms-Label' }, s.search), search), list, more];
  return h(
    'div',
    { class: 'wizard-form' },
    ...(style.inShadow ? [offerListComponent(content)] : content),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', onclick: back }, s.back),
      h('button', { type: 'button', class: 'primary', onclick: next }, s.nextReview),
    ),
  );
}

function offerListComponent(content: HTMLElement[]): HTMLElement {
  const host = h('pc-offer-list');
  host.attachShadow({ mode: 'open' }).append(h('style', {}, FIELD_STYLES + PAGE_STYLES), ...content);
  return host;
}

function offerRow(row: CatalogRow, style: OfferListStyle): HTMLElement {
  const s = strings();
  const name = shownName(row, style);
  const checkbox = controlledCheckbox({
    get: () => state.selected.has(row.id),
    set: (checked) => {
      if (checked) state.selected.set(row.id, '1');
      else state.selected.delete(row.id);
    },
    attributes: { 'aria-label': `${s.selectOffer} ${name}` },
  });
  const quantitySlot = h('div', { class: 'quantity' });
  let built = false;
  onRender(quantitySlot, () => {
    const selected = state.selected.has(row.id);
    if (selected === built) return;
    built = selected;
    quantitySlot.replaceChildren();
    if (!selected) return;
    const quantity = controlledText({
      get: () => state.selected.get(row.id) ?? '',
      set: (value) => state.selected.set(row.id, value),
      attributes: { type: 'number', min: '1', max: row.kind === 'azure-plan' ? '1' : '10000', 'aria-label': s.licenses },
    });
    quantitySlot.append(quantity);
  });
  if (style.grid) {
    return h(
      'div',
      { class: 'offer-row', role: 'row' },
      h('div', { role: 'gridcell' }, checkbox),
      h('div', { role: 'gridcell' }, offerLabel(row, style)),
      h('div', { role: 'gridcell' }, quantitySlot),
    );
  }
  return h(
    'div',
    { class: 'offer-row', role: 'listitem' },
    checkbox,
    h('div', {}, offerLabel(row, style)),
    quantitySlot,
  );
}

/** The offer's name, and its id under it unless the page shows names only (`?offers=names-only`). */
function offerLabel(row: CatalogRow, style: OfferListStyle): HTMLElement[] {
  const id = shownId(row, style);
  return [h('div', { class: 'offer-name' }, shownName(row, style)), ...(id ? [h('div', { class: 'offer-id' }, id)] : [])];
}
