import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULT_COLUMNS } from '../../shared/imports/result-columns.ts';
import { spawnCli } from '../support/cli/spawn-cli.ts';
import { deleteKeys, TEST_REDIS_URL } from '../support/redis/with-redis.ts';
import { readCsv } from './conformance-support.ts';

// docs/contracts/csv.md §5 through the real CLI: `pc-onboard import <file> --out … --failed …` in a child
// process (its own built-in sandbox, real Redis), results read back byte for byte.

const HEADER = 'CRM id,Company name,Domain,Country/region,Address,City,State,ZIP,First name,Last name,Email,Offers,MCA accepted,MCA date,,Notes,pc_status';
const US = (crm: string, domain: string, rest = 'ana@contoso.example,,,,,,') => `${crm},Contoso ${crm},${domain},US,1 Main St,Redmond,WA,98052,Ana,Diaz,${rest}`;
const DOMAIN = `c${randomUUID().replaceAll('-', '').slice(0, 12)}`;

// Line 1 blank (",,,"), header on line 2; CRLF with one Alt+Enter LF inside a quoted cell.
const INPUT = [
  ',,,',
  HEADER,
  US('=1+1', `${DOMAIN}a`, 'ana@contoso.example,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*2,yes,2026-11-01,,"first\nsecond",old'), // row 1, line 3 (+ line 4)
  US('A-2', `${DOMAIN}b`, 'not-an-email,,,,,,'), // row 2, line 5
  US('A-3', `${DOMAIN.toUpperCase()}A.onmicrosoft.com`), // row 3, line 6: duplicate of row 1
  ' , ,\u3000', // blank, line 7
  `'=SUM(A1),株式会社コントソ,${DOMAIN}j,日本,千代田1-1,千代田区,Tokyo,〒1000001,花子,山田,hanako@contoso.example,,,,,,`, // row 4, line 8
  US('@A-5', 'contoso.com'), // row 5, line 9
  US('A-6', `${DOMAIN}x`, 'ana@contoso.example,,,,,,,surprise'), // row 6, line 10: extra cell
  US('A-7', 'taken'), // row 7, line 11: the sandbox's existing domain
  US('A-8', `${DOMAIN}p`).replace('1 Main St', '1 Partial Way'), // row 8, line 12: StreetPartial with a suggestion
].join('\r\n') + '\r\n';

const EXPECTED_DRY = [
  ['1', '3', 'ready', '', ''],
  ['2', '5', 'invalid', 'invalid_email', 'contact_email'],
  ['3', '6', 'skipped', 'duplicate_domain', 'domain'],
  ['4', '8', 'ready', '', ''],
  ['5', '9', 'invalid', 'invalid_domain', 'domain'],
  ['6', '10', 'invalid', 'extra_cells', ''],
  ['7', '11', 'exists', 'domain_taken', ''],
  ['8', '12', 'invalid', 'address_unverified', ''],
];

function parseRaw(path: string): { bom: boolean; text: string; rows: string[][] } {
  const bytes = readFileSync(path);
  const text = bytes.toString('utf8');
  const bom = text.startsWith('\ufeff');
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { newline: '\r\n', skipEmptyLines: false });
  const rows = parsed.data.filter((row, index, all) => !(index === all.length - 1 && row.length === 1 && row[0] === ''));
  return { bom, text, rows };
}

function expectWrittenLikeTheContract(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true);
  const outside = text.replace(/"(?:[^"]|"")*"/g, '');
  expect(outside.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
}

describe('pc-onboard import: results and failed-rows files as docs/contracts/csv.md §5 says', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-onboard-conformance-'));
  const prefix = `test-${randomUUID()}`;
  const input = join(dir, 'customers.csv');
  const env = { REDIS_URL: TEST_REDIS_URL, PC_ONBOARD_KEY_PREFIX: prefix, PC_ONBOARD_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' };
  let dry: ReturnType<typeof parseRaw>;
  let failed: ReturnType<typeof parseRaw>;

  beforeAll(async () => {
    writeFileSync(input, INPUT);
    const run = await spawnCli(['import', input, '--dry-run', '--out', join(dir, 'dry.results.csv'), '--failed', join(dir, 'dry.failed.csv')], env);
    expect(run.code, run.stderr).toBe(1);
    dry = parseRaw(join(dir, 'dry.results.csv'));
    failed = parseRaw(join(dir, 'dry.failed.csv'));
  }, 120_000);

  afterAll(async () => {
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    await deleteKeys(redis, `${prefix}*`);
    await redis.quit();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is UTF-8 with BOM and CRLF, escaped, one line per data row in input order with pc_row/pc_line', () => {
    expect(dry.bom).toBe(true);
    expectWrittenLikeTheContract(dry.text);
    const header = dry.rows[0]!;
    expect(header.slice(-RESULT_COLUMNS.length)).toEqual([...RESULT_COLUMNS]);
    const at = (name: string) => header.lastIndexOf(name);
    expect(dry.rows.slice(1).map((row) => [row[at('pc_row')], row[at('pc_line')], row[at('pc_status')], row[at('pc_error_code')], row[at('pc_error_field')]])).toEqual(EXPECTED_DRY);
    // Formula injection escaped on write; the escaped input cell was unescaped on read, then escaped again.
    expect(dry.rows[1]![0]).toBe("'=1+1");
    expect(dry.rows[4]![0]).toBe("'=SUM(A1)");
    expect(dry.rows[5]![0]).toBe("'@A-5");
    // Original cells echoed as read: the quoted Alt+Enter line break, the Japanese row, the extra cell's row.
    expect(dry.rows[1]![header.indexOf('Notes')]).toBe('first\nsecond');
    expect(dry.rows[4]![header.indexOf('State')]).toBe('Tokyo');
    expect(dry.rows[4]![header.indexOf('ZIP')]).toBe('〒1000001');
    // exists: the reseller relationship link; address_unverified: no field, the first suggestion in the message.
    expect(dry.rows[7]![at('pc_relationship_url')]).toMatch(/^https:\/\//);
    expect(dry.rows[8]![at('pc_error')]).toContain('StreetPartial');
    expect(dry.rows[8]![at('pc_error')]).toMatch(/Suggested address: 1 Way\b/);
    // Every message is a sentence saying what to fix.
    for (const row of dry.rows.slice(1)) if (row[at('pc_error_code')]) expect(row[at('pc_error')]).toMatch(/^["A-Z].{15,}\.$/s);
  });

  it('keeps every original column first, exactly as read (unknown ones included), then the pc_* columns; an incoming pc_* column is dropped (§3)', () => {
    const header = dry.rows[0]!;
    const original = HEADER.split(',');
    const kept = original.filter((name, index) => !(name === '' && index === 14) && !name.startsWith('pc_'));
    expect(header.filter((name) => name === 'pc_status')).toHaveLength(1);
    expect(header.slice(0, header.length - RESULT_COLUMNS.length)).toEqual(kept);
  });

  it('the failed-rows file holds the invalid and failed rows only, original columns + pc_error_field, pc_error', () => {
    expect(failed.bom).toBe(true);
    expectWrittenLikeTheContract(failed.text);
    const header = failed.rows[0]!;
    expect(header.slice(-2)).toEqual(['pc_error_field', 'pc_error']);
    expect(failed.rows.slice(1).map((row) => row[0])).toEqual(['A-2', "'@A-5", 'A-6', 'A-8']);
  });

  it('the failed-rows file re-imports as it is: same rows, same problems, pc_* columns ignored', async () => {
    const file = await readCsv(readFileSync(join(dir, 'dry.failed.csv')));
    expect(file.rows.map((row) => row.cells[0])).toEqual(['A-2', '@A-5', 'A-6', 'A-8']);
    // The cells beyond the header are not original columns, so the failed-rows file cannot carry them:
    // the row re-imports from its original columns (its pc_error names the column beyond the header).
    expect(file.rows.map((row) => (row.outcome.ok ? 'ok' : row.outcome.problem.code))).toEqual(['invalid_email', 'invalid_domain', 'ok', 'ok']);
    expect(failed.rows[3]![failed.rows[0]!.indexOf('pc_error')]).toContain('column 18');
    expect(file.keys.slice(-2)).toEqual([null, null]);
  });

  it('the failed-rows file re-imports as it is through the CLI too', async () => {
    const out = join(dir, 'again.results.csv');
    const run = await spawnCli(['import', join(dir, 'dry.failed.csv'), '--dry-run', '--out', out, '--failed', join(dir, 'again.failed.csv')], env);
    expect(run.code, run.stderr).toBe(1);
    const again = parseRaw(out);
    const header = again.rows[0]!;
    const at = (name: string) => header.lastIndexOf(name);
    expect(again.rows.slice(1).map((row) => [row[0], row[at('pc_row')], row[at('pc_line')], row[at('pc_status')], row[at('pc_error_code')]])).toEqual([
      ['A-2', '1', '2', 'invalid', 'invalid_email'],
      ["'@A-5", '2', '3', 'invalid', 'invalid_domain'],
      ['A-6', '3', '4', 'ready', ''],
      ['A-8', '4', '5', 'invalid', 'address_unverified'],
    ]);
  }, 60_000);

  it('a header-only file is not a file error: 0 rows, the summary says so, a results file with the header only; exit 0 with the words "nothing was imported"', async () => {
    const path = join(dir, 'header-only.csv');
    writeFileSync(path, `${HEADER}\r\n,,,\r\n`);
    const run = await spawnCli(['import', path, '--dry-run'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/no data rows: nothing was imported/i);
    expect(run.stdout).toMatch(/total\s+│\s+0/);
    const results = parseRaw(join(dir, 'header-only.results.csv'));
    expect(results.bom).toBe(true);
    expect(results.rows).toHaveLength(1);
  }, 60_000);

  it('a file-level error (required column missing) refuses the file: exit 2, the column named, no results file', async () => {
    const path = join(dir, 'no-email.csv');
    writeFileSync(path, 'Company name,Domain,Country,Address,City,First name,Last name,E-mial\r\nContoso,contoso,US,1 Main St,Redmond,Ana,Diaz,a@b.example\r\n');
    const run = await spawnCli(['import', path, '--dry-run'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('contact_email');
    expect(run.stderr).toContain('E-mial');
    expect(existsSync(join(dir, 'no-email.results.csv'))).toBe(false);
  }, 60_000);

  it('--encoding overrides detection; an unknown encoding is a usage error naming the choices', async () => {
    const path = join(dir, 'western.csv');
    const text = `${HEADER}\r\n${US('W-1', `${DOMAIN}w`).replace('Contoso W-1', 'Café Zoë')}\r\n`;
    writeFileSync(path, Buffer.from([...text].map((char) => char.charCodeAt(0))));
    const forced = await spawnCli(['import', path, '--dry-run', '--encoding', 'cp1252', '--out', join(dir, 'western.results.csv')], env);
    expect(forced.code, forced.stderr).toBe(0);
    expect(parseRaw(join(dir, 'western.results.csv')).rows[1]![1]).toBe('Café Zoë');
    const unknown = await spawnCli(['import', path, '--dry-run', '--encoding', 'ebcdic'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('ebcdic');
    expect(unknown.stderr).toContain('windows-1252');
  }, 60_000);

  it('a real run creates the valid rows: pc_customer_id, pc_admin_user, pc_orders filled; statuses otherwise the same', async () => {
    const out = join(dir, 'real.results.csv');
    const run = await spawnCli(['import', input, '--out', out, '--failed', join(dir, 'real.failed.csv'), '--lang', 'ja'], env);
    expect(run.code, run.stderr).toBe(1);
    const real = parseRaw(out);
    const header = real.rows[0]!;
    const at = (name: string) => header.lastIndexOf(name);
    expect(real.rows.slice(1).map((row) => row[at('pc_status')])).toEqual(['created', 'invalid', 'skipped', 'created', 'invalid', 'invalid', 'exists', 'invalid']);
    expect(real.rows[7]![at('pc_relationship_url')]).toMatch(/^https:\/\//);
    expect(real.rows[7]![at('pc_customer_id')]).toBe('');
    const first = real.rows[1]!;
    expect(first[at('pc_customer_id')]).toMatch(/^[0-9a-f-]{36}$/i);
    expect(first[at('pc_admin_user')]).toBe(`admin@${DOMAIN}a.onmicrosoft.com`);
    expect(first[at('pc_orders')]).not.toBe('');
    expect(real.rows[2]![at('pc_error')]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(real.text).not.toMatch(/password/i);
    // A dry run's results file has the same shape.
    expect(header).toEqual(dry.rows[0]);
  }, 120_000);
});
