import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import type { CsvRow } from '../../../shared/csv/csv-row.ts';
import { t, uiLanguage } from '../i18n/translate.ts';

export interface RowErrorsTableProps {
  rows: readonly CsvRow[];
  columns: readonly string[];
  keys: readonly (CanonicalKey | null)[];
}

// Rendering thousands of rows would stall the panel; the failed-rows file lists them all.
const MAX_PROBLEMS_SHOWN = 500;

/** Column name of a problem's field as the file spells it, so the person finds the cell. */
function columnName(field: CanonicalKey | undefined, columns: readonly string[], keys: readonly (CanonicalKey | null)[]): string {
  if (!field) return '—';
  const index = keys.indexOf(field);
  return index === -1 ? field : columns[index] || field;
}

/** Per-cell problems found before queueing: row, column and what to fix. */
export function RowErrorsTable({ rows, columns, keys }: RowErrorsTableProps) {
  const problems = rows.flatMap((row) => (row.outcome.ok ? [] : [{ row, outcome: row.outcome }]));
  const language = uiLanguage.value;
  // "Every row is valid" of a file without rows would read as "ready to go".
  if (rows.length === 0) return <p class="notice error" role="alert">{t('fileHasNoDataRows')}</p>;
  if (problems.length === 0) return <p class="notice success">{t('noRowErrors')}</p>;
  return (
    <section aria-labelledby="row-errors-heading" class="stack-tight">
      <h3 id="row-errors-heading">{t('rowErrorsHeading', problems.length)}</h3>
      {problems.length > MAX_PROBLEMS_SHOWN && <p class="hint">{t('rowErrorsTruncated', MAX_PROBLEMS_SHOWN, problems.length)}</p>}
      {/* Focusable so a keyboard user can scroll it (the table holds no other focusable element). */}
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="row-errors-heading">
        <table class="errors-table" aria-labelledby="row-errors-heading">
          <thead>
            <tr>
              <th scope="col">{t('columnRow')}</th>
              <th scope="col">{t('columnColumn')}</th>
              <th scope="col">{t('columnMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.slice(0, MAX_PROBLEMS_SHOWN).map(({ row, outcome }) => (
              <tr key={row.row} class={`status-${outcome.status}`}>
                {/* Spreadsheets number physical lines (header = 1), not data rows: give both so the cell is found. */}
                <td>{row.row}<span class="line-number">{t('lineNumber', row.line)}</span></td>
                <td>{columnName(outcome.problem.field, columns, keys)}</td>
                <td>{outcome.problem.message[language]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
