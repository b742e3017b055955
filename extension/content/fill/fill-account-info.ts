import type { CustomerRecord } from '../../../shared/customer/customer-record.ts';
import { ACCOUNT_INFO_FIELDS, type FieldSpec } from '../../../shared/form/field-map.ts';
import type { FieldReport, PickedFieldHint } from '../../../shared/form/fill-messages.ts';
import { recordToFormValues, type FormValue } from '../../../shared/form/form-values.ts';
import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';
import { CONTROL_SELECTOR } from '../dom/field-names.ts';
import { isVisible } from '../dom/is-visible.ts';
import { queryDeep } from '../dom/walk-deep.ts';
import { waitFor, waitForQuiet } from '../dom/wait-for.ts';
import { findField } from '../finders/find-field.ts';
import { readPageOutline, type PageControl } from '../finders/page-outline.ts';
import { FILLERS, detectControlKind } from '../fillers/index.ts';
import { resolveHint } from '../pick/picked-hints.ts';
import { FILL_TEXTS } from '../fillers/fill-texts.ts';
import { CLOUD_LABELS } from '../../../shared/partner-center/initial-domain-rules.ts';
import { CLOUDS, type LiveCloudName } from '../../../shared/partner-center/clouds.ts';
import { detectCloud } from '../page/detect-cloud.ts';
import { domainTakenVerdict } from './domain-taken.ts';
import { isFixedField, judgeFixedField } from './fixed-field.ts';
import { isOutlined, outlineField } from './outline-field.ts';
import { readBack } from './read-back.ts';
import { reportUnknownRequired } from './unknown-required.ts';

/** How long a field revealed by another choice is waited for (docs/contracts/wizard-form.md). */
const REVEAL_TIMEOUT_MS = 2000;
/** After a choice that reveals or re-mounts fields, the page is re-read once it has been still this long. */
const REMOUNT_QUIET_MS = 20;
const REMOUNT_MAX_MS = 1000;
/** The page is read back once it has been still this long (an availability check may be in flight). */
const SETTLE_QUIET_MS = 50;
const SETTLE_MAX_MS = 1500;

export interface FillStepOptions {
  document: Document;
  signal: AbortSignal;
  pageLanguage: Language;
  /** The side panel's language, for the report's own sentences. */
  uiLanguage: Language;
  /** Fields a person pointed at before, by key. */
  hints: ReadonlyMap<CanonicalKey, PickedFieldHint>;
  /** The cloud chosen in Options (absent: global); what the page shows of its cloud wins (`detectCloud`). */
  cloud?: LiveCloudName;
}

/** A field the fill put a value into; its verdict comes from reading the page back. */
interface Attempt {
  spec: FieldSpec;
  value: FormValue;
  report: FieldReport;
  /** The control filled; re-found by section + label before the read-back (the page may have re-rendered it). */
  element: Element;
  /** Why the filler thought the value did not take, if it did. */
  fillerMessage?: string;
}

/**
 * Fills the Account info step from a record, field by field in the field map's order (choices
 * that reveal fields first), then — once the page is still — reads every field back from the live
 * page and reports what it shows: filled, rejected, to check, not found or skipped. Fields the page
 * fixes are judged by what they show; required fields no field map knows are reported to check;
 * outside the global cloud the agreement part is skipped, as one line with a note (no attestation there).
 * Fields still needing a person are outlined. Never presses a button.
 */
export async function fillAccountInfo(record: CustomerRecord, options: FillStepOptions): Promise<FieldReport[]> {
  const { document, signal, pageLanguage, uiLanguage } = options;
  const values = recordToFormValues(record, pageLanguage);
  const revealers = new Set(ACCOUNT_INFO_FIELDS.flatMap((spec) => (spec.revealedBy ? [spec.revealedBy] : [])));
  let controls = readPageOutline(document);
  const reports: FieldReport[] = [];
  const attempts: Attempt[] = [];
  const skipped: { spec: FieldSpec; report: FieldReport }[] = [];
  /** Controls the fill took for a known field, so that none is also reported unknown. */
  const handled = new Set<Element>();
  const cloud = detectCloud(document.location?.origin ?? '', locate(DOMAIN_SPEC, controls, options), options.cloud ?? 'global');

  for (const spec of ACCOUNT_INFO_FIELDS) {
    if (signal.aborted) break;
    const label = spec.labels[pageLanguage][0]!;
    const value = values[spec.key];
    if (spec.section === 'agreement' && !CLOUDS[cloud].mcaSupported) {
      // One line for the whole agreement, its acceptance box's, rather than the same note on each field.
      if (spec.key === AGREEMENT_LINE_KEY) reports.push({ key: spec.key, label, status: 'skipped', message: FILL_TEXTS.noAgreementInCloud(CLOUD_LABELS[cloud])[uiLanguage] });
      continue;
    }
    if (!value) {
      const report: FieldReport = { key: spec.key, label, status: 'skipped' };
      reports.push(report);
      skipped.push({ spec, report });
      continue;
    }
    // A step re-mounted by an earlier choice holds new controls: never fill (or wait on) a removed one.
    if (controls.some(({ element }) => !element.isConnected)) controls = readPageOutline(document);
    let element = locate(spec, controls, options);
    if (!element && spec.revealedBy) {
      const revealed = await waitFor(
        () => {
          controls = readPageOutline(document);
          return locate(spec, controls, options);
        },
        { signal, timeoutMs: REVEAL_TIMEOUT_MS, root: document },
      );
      element = revealed.ok ? revealed.value : undefined;
    }
    if (!element) {
      reports.push({ key: spec.key, label, status: 'not-found' });
      continue;
    }
    handled.add(element);
    if (isFixedField(element)) {
      // Never typed into or clicked: judged by the value it shows.
      const verdict = judgeFixedField(element, value, uiLanguage);
      reports.push({ key: spec.key, label, ...verdict });
      if (verdict.status !== 'filled') outlineField(element, verdict.status);
      continue;
    }
    const kind = detectControlKind(element, spec.kind);
    const result = await FILLERS[kind](element, value, { signal });
    if (!result.ok && result.code === 'ABORTED') break;
    const report: FieldReport = { key: spec.key, label, status: 'filled' };
    reports.push(report);
    attempts.push({ spec, value, report, element, ...(result.ok ? {} : { fillerMessage: result.message[uiLanguage] }) });
    if (revealers.has(spec.key)) {
      // A page busy after the choice (fetching the country's rules) may re-mount the step: wait until it is still.
      await Promise.resolve();
      if (isRedrawing(document)) await waitForQuiet({ signal, quietMs: REMOUNT_QUIET_MS, maxMs: REMOUNT_MAX_MS, root: document });
      controls = readPageOutline(document);
    }
  }

  await waitForQuiet({ signal, quietMs: SETTLE_QUIET_MS, maxMs: SETTLE_MAX_MS, root: document });
  if (signal.aborted) return reports;
  controls = readPageOutline(document);
  for (const attempt of attempts) {
    const element = readBackAttempt(attempt, controls, options, cloud);
    if (element) handled.add(element);
  }
  for (const { spec, report } of skipped) {
    // Found by a remembered pick, its label is unknown: taken here, it is not reported again as an unknown field.
    const element = locate(spec, controls, options);
    if (!element) continue;
    handled.add(element);
    flagHeldWithoutValue(spec, report, element, options);
  }
  reports.push(...reportUnknownRequired(controls, handled, uiLanguage));
  outlineEmptyRequired(controls);
  return reports;
}

const DOMAIN_SPEC = ACCOUNT_INFO_FIELDS.find((spec) => spec.key === 'domain')!;
/** The field whose line stands for the whole agreement in a cloud without it: the acceptance box. */
const AGREEMENT_LINE_KEY = ACCOUNT_INFO_FIELDS.find((spec) => spec.section === 'agreement')!.key;

/** Sets the attempt's verdict from the live page, re-finding its control by section + label; returns that control. */
function readBackAttempt(attempt: Attempt, controls: PageControl[], options: FillStepOptions, cloud: LiveCloudName): Element | undefined {
  const element = locate(attempt.spec, controls, options) ?? (attempt.element.isConnected ? attempt.element : undefined);
  if (!element) {
    Object.assign(attempt.report, { status: 'to-check', message: FILL_TEXTS.fieldGone()[options.uiLanguage] });
    return undefined;
  }
  const read = readBack(element, attempt.value, options.uiLanguage, attempt.fillerMessage);
  // A taken domain may show only as a status icon, never as an error text.
  const verdict = (attempt.spec.key === 'domain' && domainTakenVerdict(element, read, options.uiLanguage, cloud)) || read;
  attempt.report.status = verdict.status;
  if (verdict.message) attempt.report.message = verdict.message;
  if (verdict.status !== 'filled') outlineField(element, verdict.status);
  return element;
}

/** A text box the record has nothing for but that holds text (an earlier fill, a person, the page): not what was meant. */
function flagHeldWithoutValue(spec: FieldSpec, report: FieldReport, element: Element, options: FillStepOptions): void {
  if (spec.kind !== 'text' && spec.kind !== 'date') return;
  const view = options.document.defaultView ?? globalThis;
  if (!(element instanceof view.HTMLInputElement || element instanceof view.HTMLTextAreaElement) || isFixedField(element)) return;
  if (element.value.trim() === '') return;
  report.status = 'to-check';
  report.message = FILL_TEXTS.heldWithoutValue(element.value)[options.uiLanguage];
  outlineField(element, 'to-check');
}

/** The field by its label; else where the person pointed last time (a hint never overrides a label that is found). */
function locate(spec: FieldSpec, controls: PageControl[], options: FillStepOptions): Element | undefined {
  const found = findField(spec, controls, options.pageLanguage)?.element;
  if (found?.isConnected) return found;
  const hint = options.hints.get(spec.key);
  if (!hint) return undefined;
  const element = resolveHint(options.document, hint);
  return element && isVisible(element) ? element : undefined;
}

/**
 * Whether a part of the page is busy drawing itself anew (`aria-busy` on a container). A busy
 * control is only checking its own value (the domain's availability) and is not waited for here:
 * the fill goes on and the read-back waits for it.
 */
function isRedrawing(document: Document): boolean {
  return queryDeep(document, '[aria-busy=true]').some((element) => !element.matches(CONTROL_SELECTOR));
}

/** Required fields the record had nothing for still need a person (a field outlined already keeps its reason). */
function outlineEmptyRequired(controls: PageControl[]): void {
  for (const { element } of controls) {
    if (isOutlined(element)) continue;
    const required = element.hasAttribute('required') || element.getAttribute('aria-required') === 'true';
    // Only boxes hold a value to test; a button's `value` is not what it shows.
    const empty = element.matches('input, textarea, select') && (element as HTMLInputElement).value === '';
    if (required && empty) outlineField(element, 'empty');
  }
}
