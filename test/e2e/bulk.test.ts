import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ORIGIN } from '../../shared/extension-identity.ts';
import type { ImportSummary } from '../../shared/imports/import-types.ts';
import { loadConfig } from '../../worker/config.ts';
import { startApiServer, type RunningApiServer } from '../../worker/api/start-api-server.ts';
import { createRuntime, type Runtime } from '../../worker/runtime/create-runtime.ts';
import { deleteKeys, TEST_REDIS_URL } from '../support/redis/with-redis.ts';
import { Redis } from 'ioredis';
import { SCREENSHOT_DIR } from './support/screenshot-dir.ts';
import { launchWithExtension, type LaunchedExtension } from './support/launch-extension.ts';

/**
 * The bulk import end to end: the built extension in real Chromium, its side panel page opened as a
 * tab, the worker API + BullMQ worker on real Redis (a test key prefix), Partner Center = the sandbox.
 * Each test starts from a fresh panel page with cleared extension storage (the worker settings
 * saved for it) and imports its own file with its own domains: any one can run alone, in any order.
 */
const TOKEN = `bulk-e2e-${randomUUID()}`;
const PREFIX = `test-${randomUUID()}`;

const HEADER = 'Company name,Domain,Country/region,Address line 1,City,State,Postal code,First name,Last name,Email,Offers,CRM id';
const MCA = 'Company name,Domain,Country/region,Address line 1,City,State,Postal code,First name,Last name,Email,Offers,MCA accepted,MCA date,CRM id';

/**
 * Five rows, one of each outcome: created (with an order), exists (the sandbox's `taken`), invalid
 * (a custom domain), created, skipped (the same domain again). `tag` makes the domains this test's own.
 */
function customersCsv(tag: string): string {
  return [
    MCA,
    `Contoso Ltd,contoso${tag},US,1 Microsoft Way,Redmond,WA,98052,Ana,Lopez,ana@contoso.com,CFQ7TTC0LH18:0001:CFQ7TTC0K5BF*5,yes,2025-01-15,CRM-1`,
    'Taken Inc,taken,US,2 Main St,Seattle,WA,98101,Bo,Li,bo@taken.com,,,,CRM-2',
    `Fabrikam,fabrikam${tag}.com,US,3 Pine St,Seattle,WA,98101,Cy,Ng,cy@fabrikam.com,,,,CRM-3`,
    `Litware,litware${tag},US,4 Oak St,Seattle,WA,98101,Di,Wu,di@litware.com,,,,CRM-4`,
    `Contoso again,contoso${tag},US,5 Elm St,Redmond,WA,98052,Ed,Ko,ed@contoso.com,,,,CRM-5`,
  ].join('\r\n');
}

let runtime: Runtime;
let api: RunningApiServer;
let context: BrowserContext;
let page: Page;
let launched: LaunchedExtension;
let dataDir: string;
let testNumber = 0;

// The extension APIs, inside page.evaluate() callbacks.
declare const chrome: any;

/**
 * A fresh side panel page over cleared extension storage; `connected` saves this worker's URL and
 * token first, as a person who had set up Options would have.
 */
async function openPanel(options: { connected: boolean; language?: 'en' | 'ja' }): Promise<Page> {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`${CHROME_EXTENSION_ORIGIN}/sidepanel.html`);
  await panel.evaluate(async (settings) => {
    await chrome.storage.local.clear();
    if (settings) await chrome.storage.local.set({ settings });
  }, options.connected ? { workerUrl: api.url, token: TOKEN, language: options.language ?? 'en' } : undefined);
  await panel.reload();
  await panel.getByRole('tab', { name: options.language === 'ja' ? '顧客の追加' : 'Single customer' }).waitFor();
  return panel;
}

/** Chooses `csv` in the Bulk import tab and waits for the file summary. */
async function chooseCsv(name: string, csv: string): Promise<void> {
  await page.getByRole('tab', { name: 'Bulk import' }).click();
  await shown().locator('#bulk-csv-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expectText(shown(), `${name}: `);
}

/** Queues the chosen file (`valid` rows) and waits until every row has its final status. */
async function queueAndFinish(valid: number, total: number): Promise<void> {
  await shown().getByRole('button', { name: valid === 1 ? 'Queue 1 row' : `Queue ${valid} rows` }).click();
  await expectText(shown(), `Finished: ${total} of ${total} rows`, 60_000);
}

/** The five-row file of `customersCsv`, imported for real: the state several tests start from. */
async function importCustomers(tag: string, name = 'customers.csv'): Promise<void> {
  await chooseCsv(name, customersCsv(tag));
  await queueAndFinish(3, 5);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pco-bulk-data-'));
  const config = loadConfig({
    env: {
      REDIS_URL: TEST_REDIS_URL,
      PC_ONBOARD_DATA_DIR: dataDir,
      PC_ONBOARD_API_TOKEN: TOKEN,
      PC_ONBOARD_KEY_PREFIX: PREFIX,
      PC_ONBOARD_EXTENSION_ORIGINS: CHROME_EXTENSION_ORIGIN,
      LOG_LEVEL: 'silent',
      // One attempt: a row the sandbox refuses fails at once, so the retry test needs no backoff wait.
      PC_ONBOARD_MAX_ATTEMPTS: '1',
    },
    cwd: dataDir,
  });
  runtime = await createRuntime(config, { worker: true });
  api = await startApiServer(
    {
      service: runtime.service,
      apiToken: TOKEN,
      extensionOrigins: [CHROME_EXTENSION_ORIGIN],
      maxBodyBytes: config.bodyLimitBytes,
      checkHealth: () => runtime.checkHealth(),
    },
    { port: 0 },
  );
  launched = await launchWithExtension();
  context = launched.context;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
}, 120_000);

beforeEach(() => {
  testNumber++;
});

afterEach(async () => {
  await page?.close();
});

afterAll(async () => {
  await launched?.close();
  await api?.close();
  await runtime?.close();
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true });
  await redis.connect().then(() => deleteKeys(redis, `${PREFIX}*`)).finally(() => redis.disconnect());
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('bulk import from the side panel', () => {
  it('should refuse a wrong token with a clear message, then connect with the right one', async () => {
    page = await openPanel({ connected: false });
    await page.getByRole('tab', { name: 'Options' }).click();
    await shown().getByLabel('Worker URL').fill(api.url);
    await shown().getByLabel('API token').fill('not-the-token-0123456789');
    await shown().getByRole('button', { name: 'Test connection' }).click();
    await expectText(shown(), 'The worker refused the API token');
    await shown().getByLabel('API token').fill(TOKEN);
    // Test connection checks what is typed, and says when that is not saved yet.
    await shown().getByRole('button', { name: 'Test connection' }).click();
    await expectText(shown(), 'Connected: the worker answered and accepted the token');
    await expectText(shown(), 'These settings are not saved yet: press Save to use them.');
    await shown().getByRole('button', { name: 'Save' }).click();
    await shown().getByRole('button', { name: 'Test connection' }).click();
    await expectText(shown(), 'Connected: the worker answered and accepted the token');
    expect(await shown().getByText('not saved yet').count()).toBe(0);
  });

  it('should greet a new user in History with what to set up, not with a refused token', async () => {
    page = await openPanel({ connected: false });
    await page.getByRole('tab', { name: 'History' }).click();
    await expectText(shown(), 'Set the worker URL and API token in Options first');
    expect(await shown().getByText('refused').count()).toBe(0);
    expect(await shown().getByRole('alert').count()).toBe(0);
    await shown().getByRole('button', { name: 'Open Options' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Options' }).getAttribute('aria-selected')).toBe('true');
    await shown().getByLabel('API token').waitFor();
  });

  it('should map the columns, list the rows to fix, queue the rest and show every final status live', async () => {
    page = await openPanel({ connected: true });
    // Only this test imports these domains (the screenshots show them).
    const tag = 'e2e';
    await chooseCsv('customers.csv', customersCsv(tag));
    await expectText(shown(), 'customers.csv: 5 rows');
    expect(await shown().getByLabel('Company name', { exact: true }).inputValue()).toBe('company_name');
    expect(await shown().getByLabel('Offers', { exact: true }).inputValue()).toBe('offers');
    expect(await shown().getByLabel('CRM id', { exact: true }).inputValue()).toBe('');
    const errorRows = shown().getByRole('table', { name: /Rows to fix/ }).locator('tbody tr');
    await expect.poll(() => errorRows.allInnerTexts()).toEqual([
      expect.stringMatching(/^3\s+line 4\s+Domain\t.*onmicrosoft\.com/),
      expect.stringMatching(/^5\s+line 6\s+Domain\t.*\b1\b/),
    ]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-bulk-mapping.png'), fullPage: false });

    await shown().getByRole('button', { name: 'Queue 3 rows' }).click();
    // The Queue button is replaced by the progress view: focus lands on its heading, not on <body>.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Import: customers.csv');
    await expectText(shown(), 'Finished: 5 of 5 rows', 60_000);
    const statusOf = (row: number) => shown().locator(`.rows-table tr[data-row="${row}"]`).getAttribute('data-status');
    expect(await statusOf(1)).toBe('created');
    expect(await statusOf(2)).toBe('exists');
    expect(await statusOf(3)).toBe('invalid');
    expect(await statusOf(4)).toBe('created');
    expect(await statusOf(5)).toBe('skipped');
    expect(await shown().locator('.count-list [data-status="created"] strong').innerText()).toBe('2');
    expect(await shown().locator('.count-list [data-status="exists"] strong').innerText()).toBe('1');
    expect(await shown().locator('.count-list [data-status="invalid"] strong').innerText()).toBe('1');
    expect(await shown().locator('progress').evaluate((el: HTMLProgressElement) => [el.value, el.max])).toEqual([5, 5]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-bulk-progress.png'), fullPage: false });
    const customers = (await sandboxCustomers()).filter((customer) => customer.domain.includes(tag));
    expect(customers.map((customer) => customer.domain).sort()).toEqual([`contoso${tag}.onmicrosoft.com`, `litware${tag}.onmicrosoft.com`]);
    expect(customers.find((customer) => customer.domain.startsWith(`contoso${tag}`))?.orders).toHaveLength(1);
    // The panel uploaded the file itself: the worker knows it by the hash of its bytes, as it knows the CLI's.
    const sameFile = await runtime.service.findImportOfFile(createHash('sha256').update(customersCsv(tag)).digest('hex'));
    expect(sameFile).toMatchObject({ fileName: 'customers.csv', total: 5 });
  });

  it('should say a header-only file has no data rows and queue nothing', async () => {
    page = await openPanel({ connected: true });
    await chooseCsv('header-only.csv', `${HEADER}\r\n`);
    await expectText(shown(), 'This file has a header line but no data rows');
    expect(await shown().getByText('Every row is valid.').count()).toBe(0);
    expect(await shown().getByRole('button', { name: /^Queue/ }).count()).toBe(0);
    expect(await shown().getByRole('button', { name: 'No rows to queue' }).isDisabled()).toBe(true);
  });

  it('should show a created row\'s admin password once, on request, and keep it nowhere', async () => {
    page = await openPanel({ connected: true });
    await importCustomers(`pw${testNumber}`);
    const row1 = shown().locator('.rows-table tr[data-row="1"]');
    await row1.getByRole('button', { name: /Show the admin password/ }).click();
    // The button is gone once pressed; focus moves to the password it revealed.
    await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector('code.secret') !== null)).toBe(true);
    const password = (await row1.locator('code.secret').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(8);
    expect(await row1.getByRole('button', { name: /Show the admin password/ }).count()).toBe(0);
    await row1.getByRole('button', { name: /^Copy: admin@/ }).click();
    await expect.poll(() => row1.getByRole('button', { name: /^Copy: admin@/ }).innerText()).toBe('Copied');
    expect(await shown().locator('.rows-table tr[data-row="2"]').getByRole('link', { name: 'Reseller relationship request link' }).getAttribute('href')).toMatch(/^https:\/\//);
    const stored = await page.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
    expect(stored).not.toContain(password);
  });

  it('should download the results file with the token', async () => {
    page = await openPanel({ connected: true });
    await importCustomers(`dl${testNumber}`);
    const [download] = await Promise.all([page.waitForEvent('download'), shown().getByRole('button', { name: 'Download results' }).click()]);
    expect(download.suggestedFilename()).toBe('customers.results.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('pc_status');
    expect(text).toContain('CRM-1');
    expect(text).toMatch(/created/);
    expect(text.trimEnd().split('\r\n')).toHaveLength(6);

    const [failed] = await Promise.all([page.waitForEvent('download'), shown().getByRole('button', { name: 'Download failed rows' }).click()]);
    expect(failed.suggestedFilename()).toBe('customers.failed.csv');
    const failedText = readFileSync((await failed.path())!, 'utf8');
    expect(failedText).toContain('CRM-3');
    expect(failedText).toContain('onmicrosoft.com');
    expect(failedText).not.toContain('CRM-1');
  });

  it('should list the import in History with its counts, and open it from there', async () => {
    page = await openPanel({ connected: true });
    const name = `history-${testNumber}.csv`;
    await importCustomers(`hist${testNumber}`, name);
    await page.getByRole('tab', { name: 'History' }).click();
    const card = shown().locator('li.card', { has: page.getByRole('button', { name: `Show rows: ${name}` }) });
    await card.waitFor();
    expect(await card.innerText()).toContain('Done');
    expect(await card.locator('.count-list li').allInnerTexts()).toEqual(['Created: 2', 'Invalid: 1', 'Failed: 0', 'Exists: 1', 'Skipped: 1']);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-history.png'), fullPage: false });
    await card.getByRole('button', { name: `Show rows: ${name}` }).click();
    await expectText(shown(), 'Finished: 5 of 5 rows');
  });

  it('should run a dry run in which every valid row ends ready and nothing is created', async () => {
    page = await openPanel({ connected: true });
    const tag = `dry${testNumber}`;
    await chooseCsv('dry.csv', customersCsv(tag));
    await shown().getByLabel('Dry run (check only, create nothing)').check();
    await queueAndFinish(3, 5);
    await expectText(shown(), 'Dry run');
    const statuses = await shown().locator('.rows-table tbody tr').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.status));
    expect(statuses).toEqual(['ready', 'exists', 'invalid', 'ready', 'skipped']);
    expect((await sandboxCustomers()).some((customer) => customer.domain.includes(tag))).toBe(false);
    // "New import" leaves the finished one and puts focus where a new import starts.
    await shown().getByRole('button', { name: 'New import' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('bulk-csv-file');
  });

  it('should cancel a running import: rows not started end skipped, and the count says so', async () => {
    page = await openPanel({ connected: true });
    await setSandboxFaults({ latencyMs: 400 });
    try {
      const header = 'Company name,Domain,Country/region,Address line 1,City,State,Postal code,First name,Last name,Email';
      const lines = Array.from({ length: 12 }, (_, i) => `Slow ${i},slowco${testNumber}x${i},US,${i} Main St,Seattle,WA,98101,Al,Bo,al${i}@slow.example`);
      await chooseCsv('slow.csv', [header, ...lines].join('\r\n'));
      await shown().getByRole('button', { name: 'Queue 12 rows' }).click();
      await shown().getByRole('button', { name: 'Cancel import' }).click();
      await expectText(shown(), 'Finished: 12 of 12 rows', 60_000);
      const skipped = Number(await shown().locator('.count-list [data-status="skipped"] strong').innerText());
      const created = Number(await shown().locator('.count-list [data-status="created"] strong').innerText());
      expect(skipped).toBeGreaterThan(0);
      expect(skipped + created).toBe(12);
      expect(await shown().getByRole('button', { name: 'Cancel import' }).count()).toBe(0);
    } finally {
      await setSandboxFaults({ latencyMs: 0 });
    }
  });

  it('should retry the failed rows once Partner Center answers again', async () => {
    page = await openPanel({ connected: true });
    await setSandboxFaults({ errorRate: 1 });
    try {
      const header = 'Company name,Domain,Country/region,Address line 1,City,State,Postal code,First name,Last name,Email';
      const lines = [`Retry A,retrya${testNumber},US,1 Main St,Seattle,WA,98101,Al,Bo,al@retry.example`, `Retry B,retryb${testNumber},US,2 Main St,Seattle,WA,98101,Cy,Di,cy@retry.example`];
      await chooseCsv('retry.csv', [header, ...lines].join('\r\n'));
      await queueAndFinish(2, 2);
      expect(await shown().locator('.count-list [data-status="failed"] strong').innerText()).toBe('2');
    } finally {
      await setSandboxFaults({ errorRate: 0 });
    }
    await shown().getByRole('button', { name: 'Retry failed rows' }).click();
    await expect.poll(() => shown().locator('.count-list [data-status="created"] strong').innerText(), { timeout: 60_000 }).toBe('2');
    await expectText(shown(), 'Finished: 2 of 2 rows', 60_000);
    expect(await shown().locator('.count-list [data-status="failed"] strong').innerText()).toBe('0');
    expect(await shown().locator('.rows-table tbody tr').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.status))).toEqual(['created', 'created']);
  }, 90_000);

  it('should show a popup that opens the side panel and says where things stand, and an options page', async () => {
    page = await openPanel({ connected: true });
    const popup = await context.newPage();
    await popup.goto(`${CHROME_EXTENSION_ORIGIN}/popup.html`);
    await popup.getByRole('button', { name: 'Open side panel' }).waitFor();
    await expect.poll(() => popup.getByRole('status').innerText(), { timeout: 15_000 }).toBe(`No Partner Center tab is open. Worker: ${api.url}`);
    await popup.getByRole('button', { name: 'Open side panel' }).click();
    // The popup closes itself once sidePanel.open() resolved; on failure it stays and shows an alert.
    await expect.poll(() => popup.isClosed(), { timeout: 10_000 }).toBe(true);

    // The browser's "Extension options" page is the same form, with the saved settings.
    const options = await context.newPage();
    await options.goto(`${CHROME_EXTENSION_ORIGIN}/options.html`);
    expect(await options.getByLabel('Worker URL').inputValue()).toBe(api.url);
    await options.close();
  });

  it('should say when no Partner Center tab is open, and when the open one shows no wizard', async () => {
    page = await openPanel({ connected: true });
    const values: Record<string, string> = {
      'Company name': 'Contoso Ltd', 'Country/region': 'US', 'Address line 1': '1 Microsoft Way', City: 'Redmond', 'State/province': 'WA',
      'Postal code': '98052', 'First name': 'Ana', 'Last name': 'Lopez', 'Email address': 'ana@contoso.com', 'Domain name': 'contosopanel',
    };
    for (const [label, value] of Object.entries(values)) await shown().getByLabel(label, { exact: true }).fill(value);
    await shown().getByRole('button', { name: 'Fill page' }).click();
    await expectText(shown(), 'No Partner Center tab is open.');

    await context.route('https://partner.microsoft.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html><body><h1>Partner Center home</h1></body></html>' }),
    );
    const dashboard = await context.newPage();
    try {
      await dashboard.goto('https://partner.microsoft.com/dashboard/home');
      await page.bringToFront();
      await shown().getByRole('button', { name: 'Fill page' }).click();
      await expectText(shown(), 'does not show the Add customer wizard');
    } finally {
      await dashboard.close();
      await context.unroute('https://partner.microsoft.com/**');
    }
  });

  it('should show the single-customer form with live validation (screenshot)', async () => {
    page = await openPanel({ connected: true });
    await shown().getByLabel(/^Company name/).fill('Contoso Ltd');
    await shown().getByLabel(/^Country\/region/).fill('Atlantis');
    await shown().getByLabel(/^Address line 1/).fill('1 Microsoft Way');
    await shown().getByLabel(/^Address line 1/).blur();
    await expect.poll(() => shown().getByLabel(/^Country\/region/).getAttribute('aria-invalid')).toBe('true');
    await shown().getByRole('button', { name: 'Fill page' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-single.png'), fullPage: false });
  });

  it('should add licences from an orders file: plan first, nothing changed before Apply, and ask again for the same file', async () => {
    page = await openPanel({ connected: true });
    const tag = `lic${testNumber}`;
    await importCustomers(tag);
    await shown().getByRole('button', { name: 'New import' }).click();
    const basic = 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF';
    const defender = 'CFQ7TTC0LCHC:0001:CFQ7TTC0K5CQ';
    expect(await sandboxSubscriptions(`contoso${tag}`)).toEqual([`${basic}*5`]);
    // Row 1 raises contoso's Business Basic (5 → 8) and buys Defender; row 2 names no customer of ours.
    const orders = ['Customer,Offers,Note', `contoso${tag},${basic}*3;${defender}*2,raise and buy`, `nosuch${tag},${basic}*1,unknown customer`].join('\r\n');
    await chooseCsv('add-licences.csv', orders);
    await expectText(shown(), 'Orders file: add licences to existing customers');
    await shown().getByRole('button', { name: 'Check the plan (dry run)' }).click();
    await shown().getByRole('heading', { name: 'Plan: what applying this file changes' }).waitFor({ timeout: 60_000 });
    const planRow = (row: number) => shown().locator(`.plan-table tr[data-row="${row}"]`);
    expect(await planRow(1).getAttribute('data-status')).toBe('ready');
    expect(await planRow(1).locator('li').allInnerTexts()).toEqual([
      expect.stringMatching(/^raise Microsoft 365 Business Basic \(.+\) from 5 to 8$/),
      `buy a new subscription: ${defender} ×2`,
    ]);
    expect(await planRow(2).getAttribute('data-status')).toBe('invalid');
    expect(await planRow(2).innerText()).toContain(`nosuch${tag}`);
    await expectText(shown(), 'Apply these changes to 1 customer?');
    // The picture shows the plan and the question, not the file's mapping above them.
    await shown().getByRole('heading', { name: 'Plan: what applying this file changes' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-orders-plan.png'), fullPage: false });
    // The dry run changed nothing.
    expect(await sandboxSubscriptions(`contoso${tag}`)).toEqual([`${basic}*5`]);

    await shown().getByRole('button', { name: 'Apply', exact: true }).click();
    await expectText(shown(), 'Finished: 2 of 2 rows', 60_000);
    const progressRow = (row: number) => shown().locator(`.rows-table tr[data-row="${row}"]`);
    expect(await progressRow(1).getAttribute('data-status')).toBe('ordered');
    expect(await progressRow(1).innerText()).toMatch(/Subscriptions: \S+:5→8;\S+:\+2/);
    expect(await progressRow(2).getAttribute('data-status')).toBe('invalid');
    expect(await shown().locator('.count-list [data-status="ordered"] strong').innerText()).toBe('1');
    expect(await sandboxSubscriptions(`contoso${tag}`)).toEqual([`${basic}*8`, `${defender}*2`].sort());
    const [applied] = await workerImports();

    // The same file again: the plan, then a second question naming the import that applied it.
    await shown().getByRole('button', { name: 'New import' }).click();
    await chooseCsv('add-licences.csv', orders);
    await shown().getByRole('button', { name: 'Check the plan (dry run)' }).click();
    await shown().getByRole('button', { name: 'Apply', exact: true }).click({ timeout: 60_000 });
    const question = shown().getByText(/^This file was already applied by import /);
    await question.waitFor();
    expect(await question.innerText()).toMatch(new RegExp(`^This file was already applied by import ${applied!.id} on .+ \\(by ${applied!.queuedBy}\\)\\. Apply it again\\?$`));
    expect(await sandboxSubscriptions(`contoso${tag}`)).toEqual([`${basic}*8`, `${defender}*2`].sort());
    await shown().getByRole('button', { name: 'Apply again' }).click();
    await expectText(shown(), 'Finished: 2 of 2 rows', 60_000);
    expect(await progressRow(1).getAttribute('data-status')).toBe('ordered');
    // Applied once more on purpose: both subscriptions raised again, from where they stood.
    expect(await progressRow(1).innerText()).toMatch(/Subscriptions: \S+:8→11;\S+:2→4/);
    expect(await sandboxSubscriptions(`contoso${tag}`)).toEqual([`${basic}*11`, `${defender}*4`].sort());
  }, 180_000);

  it('should speak Japanese once chosen in Options, down to the messages in the downloaded results', async () => {
    page = await openPanel({ connected: true });
    await importCustomers(`ja${testNumber}`, 'customers-ja.csv');
    await page.getByRole('tab', { name: 'Options' }).click();
    await shown().getByLabel('Language').selectOption('ja');
    await shown().getByRole('button', { name: 'Save' }).click();
    await page.getByRole('tab', { name: '履歴' }).click();
    await shown().getByRole('button', { name: '行を表示: customers-ja.csv' }).click();
    await expectText(shown(), '完了: 5 行中 5 行');
    const [download] = await Promise.all([page.waitForEvent('download'), shown().getByRole('button', { name: '結果をダウンロード' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toMatch(/onmicrosoft\.com[^\r\n]*[ぁ-んァ-ン]/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
  });
});

/** What the in-process sandbox holds (its inspection route; never a password). */
async function sandboxCustomers(): Promise<{ domain: string; orders: string[] }[]> {
  const response = await fetch(`${runtime.sandboxUrl!}/_sandbox/stats`);
  return ((await response.json()) as { customers: { domain: string; orders: string[] }[] }).customers;
}

/** `OFFER*QUANTITY` of each subscription the sandbox holds for the customer of this domain prefix, sorted. */
async function sandboxSubscriptions(prefix: string): Promise<string[]> {
  const customer = (await sandboxCustomers()).find((candidate) => candidate.domain === `${prefix}.onmicrosoft.com`) as { id?: string } | undefined;
  if (!customer?.id) throw new Error(`the sandbox has no customer ${prefix}`);
  const token = ((await (await fetch(`${runtime.sandboxUrl!}/_sandbox/tokens`, { method: 'POST', body: '{}' })).json()) as { access_token: string }).access_token;
  const response = await fetch(`${runtime.sandboxUrl!}/v1/customers/${customer.id}/subscriptions`, { headers: { Authorization: `Bearer ${token}` } });
  const { items } = (await response.json()) as { items: { offerId: string; quantity: number }[] };
  return items.map((item) => `${item.offerId}*${item.quantity}`).sort();
}

/** The worker's imports, newest first, as its API lists them. */
async function workerImports(): Promise<ImportSummary[]> {
  const response = await fetch(`${api.url}/imports`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  const body = (await response.json()) as ImportSummary[] | { items: ImportSummary[] };
  return Array.isArray(body) ? body : body.items;
}

/** The visible tab panel: tabs stay mounted (hidden) once opened, so page-wide lookups would be ambiguous. */
function shown(): Locator {
  return page.getByRole('tabpanel');
}

async function setSandboxFaults(faults: { latencyMs?: number; errorRate?: number }): Promise<void> {
  const response = await fetch(`${runtime.sandboxUrl!}/_sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(faults) });
  expect(response.ok).toBe(true);
}

async function expectText(target: Page | Locator, text: string, timeout = 15_000): Promise<void> {
  await target.getByText(text, { exact: false }).first().waitFor({ timeout });
}
