import type { FillReport } from '../../../shared/form/fill-messages.ts';
import { FILLED_PAGES } from '../../../shared/form/field-map.ts';

/**
 * The reports shown after a fill, one per wizard step in wizard order: `report` replaces an older
 * report of its step. A report without a step (no wizard on the page) replaces them all.
 */
export function mergeFillReport(reports: readonly FillReport[], report: FillReport): FillReport[] {
  if (report.step === null) return [report];
  const kept = reports.filter((old) => old.step !== null && old.step !== report.step);
  return [...kept, report].sort((a, b) => FILLED_PAGES.indexOf(a.step!) - FILLED_PAGES.indexOf(b.step!));
}
