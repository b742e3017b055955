import { h } from './dom.ts';
import { labelledTextField } from './field-parts.ts';
import { REGISTRATION_COUNTRIES, state, strings } from './store.ts';
import { FIELD_STYLES } from './styles.ts';

/**
 * The Primary contact section as Partner Center's customer pages build it: web components inside
 * nested open shadow roots (a card, and inside it a field group), with `<label for>` that only
 * resolve within their own shadow tree.
 */
export function shadowContactSection(): HTMLElement {
  const s = strings();
  const card = h('pc-card', { class: 'card-host' });
  const cardRoot = card.attachShadow({ mode: 'open' });
  const group = h('pc-field-group');
  const groupRoot = group.attachShadow({ mode: 'open' });
  groupRoot.append(
    h('style', {}, FIELD_STYLES),
    labelledTextField('firstName', () => s.firstName, { required: true }),
    labelledTextField('lastName', () => s.lastName, { required: true }),
    labelledTextField('email', () => s.email, { required: true }),
    labelledTextField('phone', () => (REGISTRATION_COUNTRIES.has(state.values.country) ? s.phone : s.phoneOptional)),
  );
  cardRoot.append(h('style', {}, FIELD_STYLES), h('section', { class: 'card' }, h('h2', { class: 'section-heading' }, s.contactSection), group));
  return card;
}
