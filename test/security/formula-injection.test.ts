import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../worker/api/create-app.ts';
import { parseResultsCsv } from '../support/worker/build-customer-csv.ts';
import { startChaosHarness, type ChaosHarness } from '../chaos/support/chaos-harness.ts';

/**
 * docs/contracts/csv.md §5: every CSV this tool writes escapes formula injection (a cell starting with
 * = + - @ tab or CR gets a leading '). Payloads in the header, known and unknown columns, and in
 * values echoed by error messages; results and failed-rows files in EN and JA through the API.
 */
const TOKEN = 'formula-test-token-0123456789';
const PAYLOADS = ['=HYPERLINK("http://evil.example","x")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1+1)', '\t=1+1', '\r=1+1', "'=already"];
const DANGEROUS = /^[=+\-@\t\r]/;

let harness: ChaosHarness;
let app: ReturnType<typeof createApp>;
let importId: string;

function csvCell(cell: string): string {
  return `"${cell.replaceAll('"', '""')}"`;
}

beforeAll(async () => {
  harness = await startChaosHarness();
  app = createApp({ service: harness.service, apiToken: TOKEN, extensionOrigins: [], maxBodyBytes: 1024 * 1024, checkHealth: async () => ({ redis: 'up', partnerCenter: 'sandbox' }) });
  const header = ['=evil header', 'company_name', 'domain', 'country', 'address_line1', 'city', 'state', 'postal_code', 'contact_first_name', 'contact_last_name', 'contact_email', '@notes'];
  const lines = [header.map(csvCell).join(',')];
  PAYLOADS.forEach((payload, index) => {
    const stamp = `${Date.now() % 100000}${index}`;
    // A valid row carrying the payload in free-text and unknown columns…
    lines.push([payload, `${payload} Ltd`, `fx${stamp}`, 'US', `${payload} Street`, 'Redmond', 'WA', '98052', payload, 'Diaz', `a${stamp}@x.example`, payload].map(csvCell).join(','));
    // …and an invalid one whose error message quotes the payload back.
    lines.push([payload, 'Contoso', `fy${stamp}`, 'US', '1 Way', 'Redmond', 'WA', '98052', 'Ana', 'Diaz', payload, payload].map(csvCell).join(','));
  });
  const form = new FormData();
  form.set('file', new File([`${lines.join('\r\n')}\r\n`], 'formulas.csv', { type: 'text/csv' }));
  const response = await app.request('/imports', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: form });
  expect(response.status).toBe(201);
  importId = ((await response.json()) as { id: string }).id;
  harness.startInProcessWorker();
  await harness.waitFor(importId, (summary) => summary.counts.pending === 0, 30_000, 'the import to finish');
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

describe('formula injection in written CSV files', () => {
  for (const [kind, lang] of [['results', 'en'], ['results', 'ja'], ['failed', 'en'], ['failed', 'ja']] as const) {
    it(`should escape every dangerous cell of the ${kind} file (${lang})`, async () => {
      const response = await app.request(`/imports/${importId}/${kind}.csv?lang=${lang}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      const text = await response.text();
      const records = parseResultsCsv(text);
      expect(records.length).toBe(kind === 'results' ? PAYLOADS.length * 2 : PAYLOADS.length);
      const header = Object.keys(records[0]!);
      const cells = [...header, ...records.flatMap((record) => Object.values(record))];
      expect(cells.filter((cell) => DANGEROUS.test(cell))).toEqual([]);
      // The payloads are there, escaped (not dropped): the header and the unknown column keep them.
      expect(header).toContain("'=evil header");
      expect(header).toContain("'@notes");
      // The reader keeps a line break inside a quoted cell as written (docs/contracts/csv.md §1)
      // and undoes a ' escape; the writer escapes again.
      const expected = (payload: string) => {
        const read = payload.replace(/^'(?=[=+\-@\t])/, '');
        return DANGEROUS.test(read) ? `'${read}` : read;
      };
      for (const payload of PAYLOADS) {
        expect(records.map((record) => record["'@notes"]), JSON.stringify(payload)).toContain(expected(payload));
      }
    });
  }
});
