import { openCustomerCsv } from '../shared/csv/open-customer-csv.ts';
import { generateCustomerCsvText } from './generate-customer-csv.ts';
import { runPeerPipeline } from './peer-pipeline.ts';
import Papa from 'papaparse';
const bytes = new TextEncoder().encode(generateCustomerCsvText(100_000));
async function* chunks() { for (let s = 0; s < bytes.length; s += 262144) yield bytes.subarray(s, s + 262144); }
const now = new Date('2026-11-25T12:00:00Z');
async function ours() { const t = performance.now(); const csv = await openCustomerCsv(chunks(), { now }); let v = 0; for await (const r of csv.rows()) if (r.outcome.ok) v++; return [performance.now() - t, v]; }
const mode = process.argv[2] ?? 'all';
for (let i = 0; i < 6; i++) {
  const o = mode !== 'peer' ? await ours() : [0, 0];
  let p = [0, 0]; if (mode !== 'ours') { const t = performance.now(); const r = runPeerPipeline(new TextDecoder().decode(bytes)); p = [performance.now() - t, r.valid]; }
  const t = performance.now(); Papa.parse(new TextDecoder().decode(bytes), { skipEmptyLines: true }); const b = performance.now() - t;
  console.log(`ours ${Math.round(o[0])} ms (${o[1]} valid)  peer ${Math.round(p[0])} ms (${p[1]} valid)  papa ${Math.round(b)} ms  ours/papa ${(o[0] / b).toFixed(2)} peer/ours ${(p[0] / o[0]).toFixed(2)}`);
}
