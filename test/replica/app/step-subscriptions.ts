import { loadCatalog } from './api.ts';
import { controlledCheckbox, controlledText } from './controlled.ts';
import { h, onRender, scheduleRender, uid } from './dom.ts';
import { state, strings, type CatalogRow } from './store.ts';

/** Step 2 — Subscriptions: the sandbox catalog as a searchable list; a quantity box shows once a row is ticked. */
export function subscriptionsStep(back: () => void, next: () => void): HTMLElement {
  const s = strings();
  const list = h('div', { class: 'offer-list', role: 'list' }, h('div', { class: 'offer-row' }, s.loading));
  if (state.catalog === null) {
    void loadCatalog(state.values.country || 'US').then((catalog) => {
      state.catalog = catalog;
      scheduleRender();
    });
  }
  let shown = '';
  onRender(list, () => {
    if (state.catalog === null) return;
    const wanted = state.search.trim().toLowerCase();
    const rows = state.catalog.filter((row) => !wanted || row.name.toLowerCase().includes(wanted) || row.id.toLowerCase().includes(wanted));
    const key = rows.map((row) => row.id).join('|');
    if (key === shown) return;
    shown = key;
    list.replaceChildren(...rows.map(offerRow));
  });
  const searchId = uid('search');
  const search = controlledText({ get: () => state.search, set: (value) => (state.search = value), attributes: { id: searchId, type: 'search' } });
  return h(
    'div',
    { class: 'wizard-form' },
    h('div', { class: 'field' }, h('label', { for: searchId, class: 'ms-Label' }, s.search), search),
    list,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', onclick: back }, s.back),
      h('button', { type: 'button', class: 'primary', onclick: next }, s.nextReview),
    ),
  );
}

function offerRow(row: CatalogRow): HTMLElement {
  const s = strings();
  const checkbox = controlledCheckbox({
    get: () => state.selected.has(row.id),
    set: (checked) => {
      if (checked) state.selected.set(row.id, '1');
      else state.selected.delete(row.id);
    },
    attributes: { 'aria-label': `${s.selectOffer} ${row.name}` },
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
  return h(
    'div',
    { class: 'offer-row', role: 'listitem' },
    checkbox,
    h('div', {}, h('div', { class: 'offer-name' }, row.name), h('div', { class: 'offer-id' }, row.id)),
    quantitySlot,
  );
}
