import type { FieldReport, FillReport } from '../../../shared/form/fill-messages.ts';
import { t } from '../i18n/translate.ts';
import { fieldLabelKey } from './form-layout.ts';

type PickState = 'picking' | 'picked' | 'failed';

export interface FillReportViewProps {
  report: FillReport;
  onPick: (field: FieldReport) => void;
  /** Fields a pick is running for, or picked already, keyed `key|label`. */
  pickState: Record<string, PickState>;
}

/** Message keys allow only letters, digits and `_` (chrome.i18n), so `not-found` becomes `not_found`. */
export function fillStatusKey(status: FieldReport['status']): string {
  return `fillStatus_${status.replace('-', '_')}`;
}

/** The message key naming a wizard step (`fillStep_account_info`). */
export function fillStepKey(step: NonNullable<FillReport['step']>): string {
  return `fillStep_${step.replace('-', '_')}`;
}

const STATUS_ORDER: FieldReport['status'][] = ['rejected', 'to-check', 'not-found', 'filled', 'skipped'];
/** Everything the page did not confirm: the read-back found it refused, different, or missing. */
export const NEEDS_PERSON: FieldReport['status'][] = ['rejected', 'to-check', 'not-found'];

/** The content script's report for one wizard step, field by field: what still needs a person comes first. */
export function FillReportView({ report, onPick, pickState }: FillReportViewProps) {
  // No wizard step: our own sentence says what to open, in the UI language.
  if (report.step === null) return <p class="notice error" role="alert">{t('noWizardStep')}</p>;
  if (report.error) return <p class="notice error" role="alert">{report.error}</p>;
  const counts = Object.fromEntries(STATUS_ORDER.map((status) => [status, report.fields.filter((f) => f.status === status).length]));
  const byOrder = [...report.fields].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  const toCheck = byOrder.filter((field) => NEEDS_PERSON.includes(field.status));
  const settled = byOrder.filter((field) => !NEEDS_PERSON.includes(field.status));
  const headingId = `fill-report-${report.step}`;
  const item = (field: FieldReport) => <ReportItem key={`${field.key}|${field.label}|${field.offerId ?? ''}`} field={field} onPick={onPick} pick={pickState[`${field.key}|${field.label}`]} />;
  return (
    <section class="fill-report" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('fillReportHeading', t(fillStepKey(report.step)))}</h3>
      <p class="summary">
        {STATUS_ORDER.map((status) => (
          <span key={status} class={`badge status-${status}`}>{t(fillStatusKey(status))}: {counts[status]}</span>
        ))}
      </p>
      {toCheck.length > 0 && <ul class="report-list">{toCheck.map(item)}</ul>}
      {settled.length > 0 && (
        // What went well is folded away in a long report so what needs a person stays in view.
        <details class="settled" open={settled.length <= 5}>
          <summary>{t('fillReportSettled', settled.length)}</summary>
          <ul class="report-list">{settled.map(item)}</ul>
        </details>
      )}
    </section>
  );
}

function ReportItem({ field, onPick, pick }: { field: FieldReport; onPick: (field: FieldReport) => void; pick: PickState | undefined }) {
  // An offer line and a required field no field map knows are named as the page names them.
  const name = field.offerId || field.key === 'unknown_field' ? field.label : t(fieldLabelKey(field.key));
  return (
    <li class={`report-item status-${field.status}`}>
      <span class="report-field">
        {/* An offer line is named as the catalog lists it, with its id for matching against the CSV. */}
        {name}{field.offerId && <> <span class="hint">{field.offerId}</span></>}
      </span>
      <span class="report-status">{t(fillStatusKey(field.status))}</span>
      {field.message && <span class="report-message">{field.message}</span>}
      {field.status === 'not-found' && (
        // The state is part of the name, so a screen reader hears "Remembered…" on the focused button too.
        <button type="button" class="link" onClick={() => onPick(field)} disabled={pick === 'picking'}
          aria-label={`${pickText(pick)}: ${name}`}>
          {pickText(pick)}
        </button>
      )}
    </li>
  );
}

function pickText(pick: PickState | undefined): string {
  if (pick === 'picking') return t('pointAtItWaiting');
  if (pick === 'picked') return t('pointAtItDone');
  return pick === 'failed' ? t('pointAtItAgain') : t('pointAtIt');
}
