import type { FieldReport, FillReport } from '../../../shared/form/fill-messages.ts';
import { t } from '../i18n/translate.ts';
import { fieldLabelKey } from './form-layout.ts';

export interface FillReportViewProps {
  report: FillReport;
  onPick: (field: FieldReport) => void;
  /** Fields a pick is running for, or picked already, keyed `key|label`. */
  pickState: Record<string, 'picking' | 'picked' | 'failed'>;
}

/** Message keys allow only letters, digits and `_` (chrome.i18n), so `not-found` becomes `not_found`. */
export function fillStatusKey(status: FieldReport['status']): string {
  return `fillStatus_${status.replace('-', '_')}`;
}

/** The message key naming a wizard step (`fillStep_account_info`). */
export function fillStepKey(step: NonNullable<FillReport['step']>): string {
  return `fillStep_${step.replace('-', '_')}`;
}

const STATUS_ORDER: FieldReport['status'][] = ['rejected', 'not-found', 'filled', 'skipped'];

/** The content script's report for one wizard step, field by field: what still needs a person comes first. */
export function FillReportView({ report, onPick, pickState }: FillReportViewProps) {
  // No wizard step: our own sentence says what to open, in the UI language.
  if (report.step === null) return <p class="notice error" role="alert">{t('noWizardStep')}</p>;
  if (report.error) return <p class="notice error" role="alert">{report.error}</p>;
  const counts = Object.fromEntries(STATUS_ORDER.map((status) => [status, report.fields.filter((f) => f.status === status).length]));
  const fields = [...report.fields].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  const headingId = `fill-report-${report.step}`;
  return (
    <section class="fill-report" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('fillReportHeading', t(fillStepKey(report.step)))}</h3>
      <p class="summary">
        {STATUS_ORDER.map((status) => (
          <span key={status} class={`badge status-${status}`}>{t(fillStatusKey(status))}: {counts[status]}</span>
        ))}
      </p>
      <ul class="report-list">
        {fields.map((field) => {
          const id = `${field.key}|${field.label}`;
          const pick = pickState[id];
          return (
            <li key={`${id}|${field.offerId ?? ''}`} class={`report-item status-${field.status}`}>
              <span class="report-field">
                {/* An offer line is named as the catalog lists it, with its id for matching against the CSV. */}
                {field.offerId ? <>{field.label} <span class="hint">{field.offerId}</span></> : t(fieldLabelKey(field.key))}
              </span>
              <span class="report-status">{t(fillStatusKey(field.status))}</span>
              {field.message && <span class="report-message">{field.message}</span>}
              {field.status === 'not-found' && (
                <button type="button" class="link" onClick={() => onPick(field)} disabled={pick === 'picking'}
                  aria-label={`${t('pointAtIt')}: ${t(fieldLabelKey(field.key))}`}>
                  {pick === 'picking' ? t('pointAtItWaiting') : pick === 'picked' ? t('pointAtItDone') : t('pointAtIt')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
