import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The shared core runs in the extension too: bundle it for the browser, as Vite does for WXT,
// and run it in Chromium (no Node built-ins, TextDecoder('shift_jis'), JSON locale imports).
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let workDir: string;
let bundle: string;
let browser: Browser;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'shared-core-'));
  const entry = join(workDir, 'entry.ts');
  writeFileSync(
    entry,
    [
      `import { openCustomerCsv } from '${ROOT}shared/csv/open-customer-csv.ts';`,
      `import { writeResultsCsv } from '${ROOT}shared/imports/write-results-csv.ts';`,
      `import { validateDraft } from '${ROOT}shared/customer/validate-draft.ts';`,
      `(globalThis as any).sharedCore = { openCustomerCsv, writeResultsCsv, validateDraft };`,
    ].join('\n'),
  );
  await build({
    configFile: false,
    logLevel: 'silent',
    root: workDir,
    build: { outDir: join(workDir, 'out'), lib: { entry, formats: ['es'], fileName: () => 'core.js' }, minify: false },
  });
  bundle = readFileSync(join(workDir, 'out', 'core.js'), 'utf8');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the shared core in Chromium', () => {
  it('should bundle without Node built-ins', () => {
    expect(bundle).not.toMatch(/from ['"](node:)?(fs|stream|buffer)['"]/);
  });

  it('should read a CP932 file from a Blob stream and write a failed-rows file', async () => {
    const page = await browser.newPage();
    await page.addScriptTag({ content: bundle, type: 'module' });
    await page.waitForFunction(() => 'sharedCore' in globalThis);
    const bytes = [...readFileSync(join(ROOT, 'test/fixtures/csv/cp932-japanese-headers.csv'))];
    const result = await page.evaluate(async (input) => {
      const core = (globalThis as unknown as { sharedCore: any }).sharedCore;
      const csv = await core.openCustomerCsv(new Blob([new Uint8Array(input)]).stream());
      const rows: unknown[] = [];
      for await (const row of csv.rows()) rows.push(row.outcome.ok ? row.outcome.record.state : row.outcome.problem.code);
      let size = 0;
      const failed = [{ cells: ['=x'], result: { row: 1, line: 2, status: 'invalid', error: { en: 'e', ja: 'j' } } }];
      for await (const chunk of core.writeResultsCsv(csv.header.columns, failed, { kind: 'failed', language: 'ja' })) size += chunk.length;
      const draft = core.validateDraft({ country: '米国', state: 'Tokyo' }, { ignoreEmpty: true });
      return { encoding: csv.header.encoding, rows, size, draftState: draft.state?.code };
    }, bytes);
    expect(result).toEqual({ encoding: 'shift_jis', rows: ['東京都', '大阪府', 'invalid_email'], size: expect.any(Number), draftState: 'invalid_state' });
    expect(result.size).toBeGreaterThan(100);
    await page.close();
  });
});
