import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';

/** How the side panel shows one canonical field. */
export interface PanelField {
  key: CanonicalKey;
  input: 'text' | 'email' | 'tel' | 'date' | 'checkbox' | 'term' | 'billing-cycle';
  required?: boolean;
  /** Shown only when this boolean field is checked. */
  shownWhen?: CanonicalKey;
}

export interface PanelFieldGroup {
  id: 'company' | 'contact' | 'domain' | 'agreement' | 'subscriptions';
  fields: PanelField[];
}

/** The single-customer form, grouped like the wizard (docs/contracts/wizard-form.md), every canonical key once. */
export const PANEL_FIELD_GROUPS: readonly PanelFieldGroup[] = [
  {
    id: 'company',
    fields: [
      { key: 'company_name', input: 'text', required: true },
      { key: 'country', input: 'text', required: true },
      { key: 'address_line1', input: 'text', required: true },
      { key: 'address_line2', input: 'text' },
      { key: 'address_line3', input: 'text' },
      { key: 'city', input: 'text', required: true },
      { key: 'state', input: 'text' },
      { key: 'postal_code', input: 'text' },
      { key: 'organization_registration_number', input: 'text' },
      { key: 'associated_partner_id', input: 'text' },
    ],
  },
  {
    id: 'contact',
    fields: [
      { key: 'contact_first_name', input: 'text', required: true },
      { key: 'contact_last_name', input: 'text', required: true },
      { key: 'contact_email', input: 'email', required: true },
      { key: 'contact_phone', input: 'tel' },
    ],
  },
  {
    id: 'domain',
    fields: [
      { key: 'domain', input: 'text', required: true },
      { key: 'culture', input: 'text' },
      { key: 'language', input: 'text' },
      { key: 'gdap_opt_in', input: 'checkbox' },
    ],
  },
  {
    id: 'agreement',
    fields: [
      { key: 'mca_accepted', input: 'checkbox' },
      { key: 'mca_date', input: 'text', shownWhen: 'mca_accepted' },
      { key: 'mca_first_name', input: 'text', shownWhen: 'mca_accepted' },
      { key: 'mca_last_name', input: 'text', shownWhen: 'mca_accepted' },
      { key: 'mca_email', input: 'email', shownWhen: 'mca_accepted' },
      { key: 'mca_phone', input: 'tel', shownWhen: 'mca_accepted' },
    ],
  },
  {
    id: 'subscriptions',
    fields: [
      { key: 'offers', input: 'text' },
      { key: 'term', input: 'term' },
      { key: 'billing_cycle', input: 'billing-cycle' },
    ],
  },
];

/** The i18n key of a canonical field's label: `field_<key>`. */
export function fieldLabelKey(key: CanonicalKey): string {
  return `field_${key}`;
}
