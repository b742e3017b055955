import { pickMessage, type Language } from '../../../shared/i18n/localized-message.ts';
import type { ImportService } from '../../imports/import-service.ts';
import { writeLine } from '../cli-io.ts';

const PAGE = 500;

/**
 * The plan of an orders dry run, one line per item (docs/contracts/csv.md §6):
 * `row 3 contoso: raise Microsoft 365 Business Basic (SUB-ID) from 10 to 15`. `customers`: the
 * customer cell of each row, as the file names it (the customer id when absent).
 */
export async function printOrdersPlan(service: ImportService, importId: string, out: NodeJS.WritableStream, language: Language, customers: ReadonlyMap<number, string> = new Map()): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await service.listRows(importId, { status: 'ready', limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const result of page.items) {
      const customer = customers.get(result.row) ?? result.customerId ?? '';
      const label = language === 'ja' ? `${result.row} 行目 ${customer}` : `row ${result.row} ${customer}`;
      for (const sentence of result.plan ?? []) writeLine(out, `${label}: ${pickMessage(sentence, language)}`);
    }
    cursor = page.nextCursor;
  } while (cursor);
}
