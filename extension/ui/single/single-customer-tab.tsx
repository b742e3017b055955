import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import type { FieldReport, FillReport } from '../../../shared/form/fill-messages.ts';
import { t, uiLanguage } from '../i18n/translate.ts';
import { currentSettings } from '../state/settings-state.ts';
import { customerDraftItem, type CustomerDraft } from '../state/customer-draft.ts';
import { findDraftProblems, toCustomerRecord } from './check-draft.ts';
import { CustomerForm } from './customer-form.tsx';
import { ConfirmationBanner } from './confirmation-notice.tsx';
import { CsvRowStepper } from './csv-row-stepper.tsx';
import { FillReportView } from './fill-report-view.tsx';
import { PasteRowBox } from './paste-row-box.tsx';
import { fillWizard, pickFieldOnPage } from './send-to-wizard.ts';
import { FillSummary } from './fill-summary.tsx';
import { OfferChoices } from './offer-choices.tsx';
import { mergeFillReport } from './merge-fill-report.ts';
import { useFollowUpReports } from './use-follow-up-reports.ts';

type FillState =
  | { kind: 'idle' }
  | { kind: 'filling' }
  | { kind: 'invalid'; count: number }
  | { kind: 'unreachable'; reason: 'no-tab' | 'reload-page' }
  /** `reports`: one per wizard step filled (Account info from the button, Subscriptions on its own afterwards); `domain`: the customer's. */
  | { kind: 'done'; reports: FillReport[]; expectsSubscriptions: boolean; domain: string };

/** One customer: the form, paste/CSV prefill, and "Fill page" on the Partner Center tab. */
export function SingleCustomerTab() {
  const [draft, setDraft] = useState<CustomerDraft>({});
  const [loaded, setLoaded] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<CanonicalKey>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [fill, setFill] = useState<FillState>({ kind: 'idle' });
  const [pickState, setPickState] = useState<Record<string, 'picking' | 'picked' | 'failed'>>({});

  useEffect(() => {
    void customerDraftItem.getValue().then((stored) => {
      setDraft(stored);
      setLoaded(true);
    });
  }, []);

  // The Subscriptions fill arrives by itself once the person moves on in the wizard; shown beside Account info.
  useFollowUpReports((report) =>
    setFill((old) => ({
      kind: 'done',
      reports: mergeFillReport(old.kind === 'done' ? old.reports : [], report),
      expectsSubscriptions: old.kind === 'done' && old.expectsSubscriptions,
      domain: old.kind === 'done' ? old.domain : '',
    })),
  );

  const cloud = currentSettings.value.cloud;
  const problems = useMemo(() => findDraftProblems(draft, { cloud }), [draft, cloud]);

  function update(next: CustomerDraft) {
    setDraft(next);
    void customerDraftItem.setValue(next);
  }

  function change(key: CanonicalKey, value: string) {
    const next = { ...draft };
    if (value === '') delete next[key];
    else next[key] = value;
    update(next);
    setTouched((old) => new Set(old).add(key));
  }

  function load(next: CustomerDraft) {
    update(next);
    // A loaded row is checked at once: its problems are what the person must fix.
    setTouched(new Set(Object.keys(next) as CanonicalKey[]));
    setFill({ kind: 'idle' });
  }

  function clear() {
    update({});
    setTouched(new Set());
    setShowAll(false);
    setFill({ kind: 'idle' });
  }

  async function fillPage() {
    const checked = toCustomerRecord(draft, { cloud });
    if (!checked.ok) {
      setShowAll(true);
      setFill({ kind: 'invalid', count: checked.problems.length });
      const first = checked.problems[0]?.field;
      if (first) document.getElementById(`field-${first}`)?.focus();
      return;
    }
    setFill({ kind: 'filling' });
    setPickState({});
    const result = await fillWizard(checked.record, uiLanguage.value, cloud);
    if (!result.ok) {
      setFill({ kind: 'unreachable', reason: result.reason });
      return;
    }
    // A new Account info fill starts over; a fill pressed on Subscriptions keeps the Account info report.
    setFill((old) => ({
      kind: 'done',
      reports: result.report.step === 'account-info' || old.kind !== 'done' ? [result.report] : mergeFillReport(old.reports, result.report),
      expectsSubscriptions: checked.record.offers.length > 0,
      domain: checked.record.domain,
    }));
  }

  async function pick(field: FieldReport) {
    // Only a field of the field map can be pointed at (its report line is `not-found`).
    if (field.key === 'unknown_field') return;
    const id = `${field.key}|${field.label}`;
    setPickState((old) => ({ ...old, [id]: 'picking' }));
    const result = await pickFieldOnPage({ key: field.key, label: field.label });
    setPickState((old) => ({ ...old, [id]: result.ok && result.reply.ok ? 'picked' : 'failed' }));
  }

  if (!loaded) return <p role="status">{t('loading')}</p>;
  return (
    <div class="stack">
      <details class="prefill">
        <summary>{t('prefillHeading')}</summary>
        <div class="stack">
          <PasteRowBox onLoad={load} />
          <CsvRowStepper onLoad={load} />
        </div>
      </details>
      <CustomerForm
        draft={draft}
        problems={problems}
        shown={(key) => showAll || touched.has(key)}
        onChange={change}
        onBlur={(key) => setTouched((old) => (old.has(key) ? old : new Set(old).add(key)))}
        extras={{ offers: <OfferChoices offers={draft.offers ?? ''} onChange={(next) => change('offers', next)} /> }}
      />
      <div class="sticky-actions stack-tight">
        <div class="actions">
          <button type="button" class="primary" onClick={fillPage} disabled={fill.kind === 'filling'}>{t('fillPage')}</button>
          <button type="button" onClick={clear}>{t('clearForm')}</button>
        </div>
        <ConfirmationBanner />
        {/* Inside the sticky bar so the outcome of "Fill page" is on screen wherever the form is scrolled. */}
        <div role="status" aria-live="polite" class="status-area">
          {fill.kind === 'filling' && <p class="notice">{t('filling')}</p>}
          {fill.kind === 'invalid' && <p class="notice error">{t('fixFieldsFirst', fill.count)}</p>}
          {fill.kind === 'unreachable' && (
            <p class="notice error">{fill.reason === 'no-tab' ? t('noWizardTab') : t('reloadWizardPage')}</p>
          )}
          {fill.kind === 'done' && <FillSummary reports={fill.reports} expectsSubscriptions={fill.expectsSubscriptions} domain={fill.domain} />}
        </div>
      </div>
      {fill.kind === 'done' && fill.reports.map((report) => (
        <FillReportView key={report.step ?? 'none'} report={report} onPick={pick} pickState={pickState} />
      ))}
    </div>
  );
}
