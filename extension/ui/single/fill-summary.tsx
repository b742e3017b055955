import type { FillReport } from '../../../shared/form/fill-messages.ts';
import { initialDomain } from '../../../shared/partner-center/clouds.ts';
import { t } from '../i18n/translate.ts';
import { currentSettings } from '../state/settings-state.ts';
import { fillStepKey, NEEDS_PERSON } from './fill-report-view.tsx';

/**
 * One sentence per filled step for the live region ("Account info: 14 filled, 2 to check"), and
 * what comes next when the offers are still to be filled on the Subscriptions step, or when the
 * invitation of a reseller relationship request is to be sent to the customer (`domain`, the
 * prefix) — only once nothing on that page waits for a person (its reseller chosen or not needed).
 */
export function FillSummary({ reports, expectsSubscriptions, domain }: { reports: FillReport[]; expectsSubscriptions: boolean; domain: string }) {
  const stepped = reports.filter((report) => report.step !== null && !report.error);
  // Reports without a step or with an error speak for themselves (role="alert" in the report view).
  if (stepped.length === 0) return null;
  const waitingForSubscriptions = expectsSubscriptions && reports.some((report) => report.step === 'account-info') && !reports.some((report) => report.step === 'subscriptions');
  const invitationReady = stepped.some((report) => report.step === 'reseller-relationship' && !report.fields.some((field) => NEEDS_PERSON.includes(field.status)));
  return (
    <p class="notice">
      {stepped.map((report) => {
        const filled = report.fields.filter((field) => field.status === 'filled').length;
        const toCheck = report.fields.filter((field) => NEEDS_PERSON.includes(field.status)).length;
        const step = t(fillStepKey(report.step!));
        return (
          <span class="detail-text" key={report.step}>
            {toCheck === 0 ? t('fillSummaryNothingToCheck', step, filled) : t('fillSummary', step, filled, toCheck)}
          </span>
        );
      })}
      {waitingForSubscriptions && <span class="detail-text">{t('subscriptionsNext')}</span>}
      {invitationReady && <span class="detail-text">{t('resellerRequestNext', initialDomain(domain, currentSettings.value.cloud))}</span>}
    </p>
  );
}
