import type { RowProblem } from '../customer/customer-record.ts';
import { rowProblem } from '../customer/row-problem.ts';

/**
 * The problem of a row whose quoted cell is not closed properly (`CsvRecord.unbalancedQuotes`):
 * the row is `invalid` rather than validated, because a stray `"` may have run the cell on into
 * the next cells or lines.
 */
export function unbalancedQuotesProblem(line: number): RowProblem {
  return rowProblem(
    'unbalanced_quotes',
    undefined,
    `A quoted cell in the row starting on line ${line} has a quote (") that is not doubled, or a quote that is never closed, so the cell may run on into the next cells or lines. Write a quote inside a quoted cell as "" and check the lines that follow.`,
    `${line} 行目から始まる行の引用符で囲まれたセルに、二重にしていない引用符（"）または閉じられていない引用符があるため、セルが後ろのセルや行まで続いている可能性があります。セル内の引用符は "" と書き、続く行も確認してください。`,
  );
}
