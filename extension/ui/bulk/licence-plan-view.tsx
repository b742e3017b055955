import type { RowResult } from '../../../shared/imports/import-types.ts';
import { t, uiLanguage } from '../i18n/translate.ts';

// As in the progress view: the results file has every row, the panel shows the first ones.
const MAX_ROWS_SHOWN = 500;

export interface LicencePlanViewProps {
  /** The dry run's rows, each with its plan, its error or its note. */
  rows: readonly RowResult[];
  /** The customer cell of a row as the file spells it. */
  customerOf: (row: number) => string | undefined;
  headingId: string;
}

/**
 * The dry run of an orders file, row by row: what applying it will change for each customer
 * ("raise … from 10 to 15", "buy a new subscription …"), or why a row cannot be applied.
 */
export function LicencePlanView({ rows, customerOf, headingId }: LicencePlanViewProps) {
  const language = uiLanguage.value;
  const shown = rows.slice(0, MAX_ROWS_SHOWN);
  return (
    <>
      {rows.length > shown.length && <p class="hint">{t('rowsTableTruncated', shown.length, rows.length)}</p>}
      <div class="table-scroll tall" tabIndex={0} role="region" aria-labelledby={headingId}>
        <table class="rows-table plan-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('columnRow')}</th>
              <th scope="col">{t('columnPlan')}</th>
            </tr>
          </thead>
          <tbody>
            {/* The customer above its plan: a side panel is too narrow for a column each. */}
            {shown.map((row) => (
              <tr key={row.row} data-row={row.row} data-status={row.status}>
                <td>{row.row}</td>
                <td class="detail">
                  <span class="plan-customer">{customerOf(row.row) ?? '—'}</span>
                  {row.status !== 'ready' && <span class={`badge status-${row.status}`}>{t(`rowStatus_${row.status}`)}</span>}
                  {row.plan && row.plan.length > 0 && (
                    <ul class="plan-list">
                      {row.plan.map((change, index) => <li key={index}>{change[language]}</li>)}
                    </ul>
                  )}
                  {row.error && <span class="detail-text error-text">{row.error[language]}</span>}
                  {row.note && <span class="detail-text">{row.note[language]}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
