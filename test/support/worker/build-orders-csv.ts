import { createHash } from 'node:crypto';

/** One row of a test orders file (docs/contracts/csv.md §6). */
export interface TestOrderRow {
  customer: string;
  offers: string;
  term?: string;
  billingCycle?: string;
  subscriptionId?: string;
}

/** An orders file's CSV text (comma, CRLF) with the columns Customer, Offers, Term, Billing cycle, Subscription ID. */
export function buildOrdersCsv(rows: readonly TestOrderRow[]): string {
  const lines = ['Customer,Offers,Term,Billing cycle,Subscription ID', ...rows.map((row) => [row.customer, row.offers, row.term ?? '', row.billingCycle ?? '', row.subscriptionId ?? ''].join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** SHA-256 (hex) of the text's UTF-8 bytes, as the CLI and the API compute a file's content hash. */
export function contentHashOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
