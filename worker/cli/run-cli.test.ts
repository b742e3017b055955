import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateImportInput } from '../imports/import-service.ts';
import type { ImportSummary } from '../../shared/imports/import-types.ts';
import type { RowStatus } from '../../shared/status/row-status.ts';
import type { Config } from '../config.ts';
import { ConfigError } from '../errors/config-error.ts';
import { FakeImportService } from '../../test/support/api/fake-import-service.ts';
import type { CliDeps } from './cli-deps.ts';
import type { CliRuntime } from './cli-runtime.ts';
import { runCli } from './run-cli.ts';
import { captureIo } from '../../test/support/cli/capture-io.ts';
import { companyNamesSource } from '../../test/support/worker/csv-source.ts';

/** Finishes each created row with the status its `domain` cell names (for the CLI's own unit tests). */
class AutoFinishingService extends FakeImportService {
  override async createImport(input: CreateImportInput): Promise<ImportSummary> {
    const summary = await super.createImport(input);
    setTimeout(() => {
      if (summary.total > 0) this.finishPlanned(summary.id);
    }, 5);
    return summary;
  }
  planned: RowStatus[] = [];
  private finishPlanned(importId: string) {
    this.planned.forEach((status, index) => this.finishRow(importId, index + 1, status, status === 'created' ? `pw-${index + 1}-Secret!` : undefined));
  }
}

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(planned: RowStatus[] = []) {
  const io = captureIo();
  const service = new AutoFinishingService();
  service.planned = planned;
  let closed = 0;
  const config = { cloud: 'global', concurrency: 4, keyPrefix: 'test' } as Readonly<Config>;
  const runtime: CliRuntime = {
    config,
    service,
    partnerCenterMode: 'sandbox',
    banner: 'Partner Center: SANDBOX',
    redisUrl: 'redis://127.0.0.1:6379',
    queues: [],
    ledger: { record: async () => {}, find: async () => undefined, list: async function* () {} },
    tokens: { add: async () => 'token', list: async () => [], revoke: async () => false, identify: async () => undefined, registerConfigured: async () => {} },
    checkHealth: async () => ({ redis: 'up', partnerCenter: 'sandbox' }),
    openApiService: async () => ({ service, reachable: () => true, ledger: runtime.ledger, tokens: runtime.tokens }),
    reportError: () => {},
    close: async () => {
      closed += 1;
    },
  };
  const deps: CliDeps = {
    io,
    loadConfig: () => config,
    openRuntime: async () => runtime,
    loadSandboxOptions: () => ({ testToken: 'sandbox-test-token' }),
    onSignal: () => () => {},
  };
  const dir = mkdtempSync(join(tmpdir(), 'pc-onboard-cli-'));
  tempDirs.push(dir);
  const csv = (name: string, rows: number) => {
    const path = join(dir, name);
    writeFileSync(path, ['company_name,domain', ...Array.from({ length: rows }, (_, i) => `Company ${i},d${i}`)].join('\r\n'));
    return path;
  };
  return { io, service, deps, dir, csv, closed: () => closed };
}

const run = (deps: CliDeps, ...args: string[]) => runCli(['node', 'pc-onboard', ...args], deps);

describe('pc-onboard import (with a fake service)', () => {
  it('should exit 0 and write the results file next to the input when every row succeeded', async () => {
    const { io, deps, dir, csv, closed } = setup(['created', 'exists', 'ready']);
    const file = csv('customers.csv', 3);
    expect(await run(deps, 'import', file)).toBe(0);
    expect(readFileSync(join(dir, 'customers.results.csv'), 'utf8')).toContain('3,ready,results,en');
    expect(existsSync(join(dir, 'customers.failed.csv'))).toBe(false);
    expect(io.out()).toMatch(/created\s*│\s*1/);
    expect(io.out()).toContain(`Results: ${join(dir, 'customers.results.csv')}`);
    expect(io.err()).toContain('Partner Center: SANDBOX');
    expect(io.err()).toContain('progress: 3/3 rows (created 1 · exists 1 · ready 1)');
    expect(closed()).toBe(1);
  });

  it('should exit 1, write the failed-rows file and print JSON when some rows did not succeed', async () => {
    const { io, deps, dir, csv } = setup(['created', 'invalid', 'failed', 'skipped']);
    const file = csv('batch.csv', 4);
    const out = join(dir, 'out.csv');
    expect(await run(deps, 'import', file, '--json', '--out', out, '--lang', 'ja')).toBe(1);
    const report = JSON.parse(io.out());
    expect(report).toMatchObject({
      total: 4,
      counts: { created: 1, invalid: 1, failed: 1, skipped: 1, pending: 0 },
      resultsFile: out,
      failedFile: join(dir, 'batch.failed.csv'),
      exitCode: 1,
    });
    expect(readFileSync(join(dir, 'batch.failed.csv'), 'utf8')).toBe('\uFEFFpc_row,pc_status,kind,lang\r\n2,invalid,failed,ja\r\n3,failed,failed,ja\r\n');
  });

  it('should pass the flags to the service as the API would', async () => {
    const { deps, csv, service } = setup(['ready']);
    await run(deps, 'import', csv('a.csv', 1), '--dry-run', '--cloud', 'usgov', '--encoding', 'shift_jis');
    expect(service.created[0]).toMatchObject({ dryRun: true, cloud: 'usgov', source: { kind: 'csv', fileName: 'a.csv', encoding: 'shift_jis' } });
  });

  it('should exit 0 for a header-only file (not an error) and say nothing was imported', async () => {
    const { io, deps, csv } = setup([]);
    expect(await run(deps, 'import', csv('empty.csv', 0))).toBe(0);
    expect(io.out()).toContain('no data rows: nothing was imported');
  });

  it.each([
    [['import'], /missing required argument 'file'/],
    [['import', '/nonexistent/x.csv'], /Cannot read \/nonexistent\/x\.csv: no such file/],
    [['import', 'FILE', '--concurrency', '0'], /give a whole number of 1 or more/],
    [['import', 'FILE', '--cloud', 'mars'], /Allowed choices are global, usgov, china, germany/],
    [['import', 'FILE', '--out', '/nonexistent-dir/out.csv'], /--out: the folder \/nonexistent-dir does not exist/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('should exit 2 with a message saying what to fix for %j', async (args, message) => {
    const { io, deps, csv } = setup(['created']);
    const file = csv('x.csv', 1);
    expect(await run(deps, ...args.map((arg) => (arg === 'FILE' ? file : arg)))).toBe(2);
    expect(io.err()).toMatch(message);
  });

  it('should exit 2 with the variable to fix when the configuration is invalid', async () => {
    const { io, deps, csv } = setup(['created']);
    const file = csv('x.csv', 1);
    const broken: CliDeps = {
      ...deps,
      loadConfig: () => {
        throw new ConfigError('PC_ONBOARD_PORT: must be at most 65535 (got "99999").', 'PC_ONBOARD_PORT');
      },
    };
    expect(await run(broken, 'import', file)).toBe(2);
    expect(io.err()).toContain('pc-onboard: PC_ONBOARD_PORT: must be at most 65535');
  });

  it('should exit 2 with the reader message in the asked language when the file is refused', async () => {
    const { io, deps, dir } = setup();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'company,domain\r\nContoso,contoso\r\n');
    expect(await run(deps, 'import', file, '--lang', 'ja', '--json')).toBe(2);
    expect(io.err()).toContain('必須の列「company_name」がありません');
    expect(JSON.parse(io.out())).toEqual({ error: expect.stringContaining('company_name'), exitCode: 2 });
  });
});

describe('pc-onboard reveal, status, retry (with a fake service)', () => {
  it('should print the password once, to stdout only, then exit 2 with a clear message', async () => {
    const { io, deps, csv, service } = setup(['created']);
    await run(deps, 'import', csv('a.csv', 1));
    const [summary] = await service.listImports();
    const before = io.out().length;
    expect(await run(deps, 'reveal', summary!.id, '1')).toBe(0);
    expect(io.out().slice(before)).toBe('pw-1-Secret!\n');
    expect(io.err()).not.toContain('pw-1-Secret!');
    expect(await run(deps, 'reveal', summary!.id, '1')).toBe(2);
    expect(io.err()).toContain('already revealed once');
  });

  it('should show an import and refuse an unknown id with exit 2', async () => {
    const { io, deps, csv, service } = setup(['created']);
    await run(deps, 'import', csv('a.csv', 1));
    const [summary] = await service.listImports();
    expect(await run(deps, 'status', summary!.id, '--json')).toBe(0);
    expect(io.out()).toContain(`"id": "${summary!.id}"`);
    const before = io.out().length;
    expect(await run(deps, 'status')).toBe(0);
    expect(io.out().slice(before)).toMatch(new RegExp(`^${summary!.id}\\s+\\S+\\s+done\\s+1 rows\\s+a\\.csv  by cli:\\S+\\n$`));
    expect(await run(deps, 'status', 'nope')).toBe(2);
    expect(io.err()).toContain('No import has the id "nope"');
    expect(await run(deps, 'retry', 'nope', '--no-wait')).toBe(2);
    expect(await run(deps, 'cancel', 'nope')).toBe(2);
  });

  it('should cancel the queued rows of an import', async () => {
    const { io, deps, service } = setup();
    const summary = await service.createImport({
      source: companyNamesSource(3, 'q.csv'),
      dryRun: false,
      cloud: 'global',
    });
    expect(await run(deps, 'cancel', summary.id, '--json')).toBe(0);
    expect(JSON.parse(io.out())).toEqual({ importId: summary.id, skipped: 3 });
    expect((await service.getImport(summary.id))!.counts).toMatchObject({ skipped: 3, pending: 0 });
  });
});
