import type { ComponentChildren } from 'preact';
import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import { t, uiLanguage } from '../i18n/translate.ts';
import { CLOUDS } from '../../../shared/partner-center/clouds.ts';
import { currentSettings } from '../state/settings-state.ts';
import type { CustomerDraft } from '../state/customer-draft.ts';
import type { DraftProblems } from './check-draft.ts';
import { fieldLabelKey, PANEL_FIELD_GROUPS, type PanelField } from './form-layout.ts';

export interface CustomerFormProps {
  draft: CustomerDraft;
  problems: DraftProblems;
  /** Fields whose problem is shown (touched, or all after a fill attempt). */
  shown: (key: CanonicalKey) => boolean;
  onChange: (key: CanonicalKey, value: string) => void;
  onBlur: (key: CanonicalKey) => void;
  /** Shown under a field's message (e.g. the offers the typed ids resolve to, or a choice to make). */
  extras?: Partial<Record<CanonicalKey, ComponentChildren>>;
}

const BOOLEAN_DEFAULTS: Partial<Record<CanonicalKey, boolean>> = { gdap_opt_in: true, mca_accepted: false };

/** Reads a yes/no cell the way the CSV does (docs/contracts/csv.md §4), for the checkbox state only. */
function isChecked(key: CanonicalKey, value: string | undefined): boolean {
  const text = value?.trim().toLowerCase();
  if (!text) return BOOLEAN_DEFAULTS[key] ?? false;
  return ['true', 'yes', 'y', '1', 'はい'].includes(text);
}

/** The canonical fields, grouped like the wizard, each with its live validation message. */
export function CustomerForm({ draft, problems, shown, onChange, onBlur, extras }: CustomerFormProps) {
  const language = uiLanguage.value;
  return (
    <div class="stack">
      {PANEL_FIELD_GROUPS.map((group) => (
        <fieldset class="group" key={group.id}>
          <legend>{t(`group_${group.id}`)}</legend>
          {group.fields
            .filter((field) => !field.shownWhen || isChecked(field.shownWhen, draft[field.shownWhen]))
            .map((field) => {
              const problem = shown(field.key) ? problems[field.key] : undefined;
              return (
                <FieldControl
                  key={field.key}
                  field={field}
                  value={draft[field.key] ?? ''}
                  error={problem ? problem.message[language] : undefined}
                  onChange={onChange}
                  onBlur={onBlur}
                  extra={extras?.[field.key]}
                />
              );
            })}
        </fieldset>
      ))}
    </div>
  );
}

interface FieldControlProps {
  field: PanelField;
  value: string;
  error: string | undefined;
  onChange: (key: CanonicalKey, value: string) => void;
  onBlur: (key: CanonicalKey) => void;
  extra?: ComponentChildren;
}

function FieldControl({ field, value, error, onChange, onBlur, extra }: FieldControlProps) {
  const id = `field-${field.key}`;
  const errorId = `${id}-error`;
  const hintKey = `hint_${field.key}`;
  // The domain's hint shows the suffix of the cloud chosen in Options (`contoso.partner.onmschina.cn` on 21Vianet).
  const hint = field.key === 'domain' ? t(hintKey, `.${CLOUDS[currentSettings.value.cloud].initialDomainSuffix}`) : t(hintKey);
  const hasHint = hint !== hintKey;
  const describedBy = [error ? errorId : '', hasHint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field.key,
    'aria-invalid': error ? ('true' as const) : ('false' as const),
    'aria-describedby': describedBy,
    onBlur: () => onBlur(field.key),
  };
  // The required marker sits outside the label so the accessible name is exactly the field name;
  // `aria-required` tells assistive technology instead.
  const label = (
    <span class="label-line">
      <label for={id}>{t(fieldLabelKey(field.key))}</label>
      {field.required && <span class="required" aria-hidden="true">*</span>}
    </span>
  );

  let control;
  if (field.input === 'checkbox') {
    return (
      <div class={`field checkbox${error ? ' invalid' : ''}`}>
        <input type="checkbox" {...common} checked={isChecked(field.key, value)}
          onChange={(e) => onChange(field.key, e.currentTarget.checked ? 'true' : 'false')} />
        {label}
        {error && <p class="error-text" id={errorId}>{error}</p>}
      </div>
    );
  } else if (field.input === 'term' || field.input === 'billing-cycle') {
    const options = field.input === 'term' ? ['P1M', 'P1Y', 'P3Y'] : ['monthly', 'annual'];
    control = (
      <select {...common} value={value} onChange={(e) => onChange(field.key, e.currentTarget.value)}>
        {/* docs/contracts/csv.md: term defaults to P1M, billing cycle to monthly; say which instead of a bare "Default". */}
        <option value="">{t('defaultOption', t(`option_${options[0]}`))}</option>
        {options.map((option) => <option key={option} value={option}>{t(`option_${option}`)}</option>)}
      </select>
    );
  } else {
    control = (
      <input type={field.input as 'text'} {...common} value={value} aria-required={field.required ? "true" : undefined}
        onInput={(e) => onChange(field.key, e.currentTarget.value)} />
    );
  }
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      {label}
      {control}
      {hasHint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p class="error-text" id={errorId}>{error}</p>}
      {extra}
    </div>
  );
}
