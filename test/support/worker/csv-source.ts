import type { CreateImportSource } from '../../../worker/imports/import-service.ts';

/** An import source holding `text` as the bytes of one uploaded CSV file. */
export function csvSource(text: string, fileName = 'customers.csv'): CreateImportSource {
  const bytes = new TextEncoder().encode(text);
  return {
    kind: 'csv',
    fileName,
    bytes: (async function* () {
      yield bytes;
    })(),
  };
}

/** A one-column file (`company_name`) of `rows` rows: enough for tests that only count rows. */
export function companyNamesSource(rows: number, fileName = 'a.csv'): CreateImportSource {
  return csvSource(['company_name', ...Array.from({ length: rows }, () => 'x')].join('\r\n'), fileName);
}
