import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportService } from '../../imports/import-service.ts';
import { captureIo } from '../../../test/support/cli/capture-io.ts';
import { buildCustomerCsv, validRow } from '../../../test/support/worker/build-customer-csv.ts';
import { startTestPipeline, type TestPipeline } from '../../../test/support/worker/start-test-pipeline.ts';
import type { CliDeps } from '../cli-deps.ts';
import { importFilePaths } from '../output/write-import-files.ts';
import { runToCompletion } from './run-to-completion.ts';

let pipeline: TestPipeline | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await pipeline?.close();
  pipeline = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The terminal's Ctrl+C as `main.ts` wires it: one handler at a time, removed when the command says so. */
function terminal() {
  let handler: ((signal: NodeJS.Signals) => void) | undefined;
  const exits: number[] = [];
  return {
    exits,
    onSignal: ((added) => {
      handler = added;
      return () => {
        if (handler === added) handler = undefined;
      };
    }) satisfies CliDeps['onSignal'],
    exitNow: (code: number) => void exits.push(code),
    /** Ctrl+C; false when nothing listened (Node's default would have ended the process without a word). */
    pressCtrlC: () => {
      handler?.('SIGINT');
      return handler !== undefined;
    },
  };
}

describe('runToCompletion and Ctrl+C (real Redis, worker and sandbox)', () => {
  it('should leave with its message when the second Ctrl+C comes after the cancel settled every row', async () => {
    pipeline = await startTestPipeline();
    const tag = randomUUID().slice(0, 6);
    const summary = await pipeline.importCsv(buildCustomerCsv(Array.from({ length: 6 }, (_, index) => validRow(`cc${tag}${index}`))));
    const keys = terminal();
    let pressedWhileWriting: boolean | undefined;
    // The second Ctrl+C lands while the files are written: after the rows settled, before the command returned.
    const service: ImportService = {
      ...pipeline.service,
      resultsCsv: (...args) => {
        pressedWhileWriting ??= keys.pressCtrlC();
        return pipeline!.service.resultsCsv(...args);
      },
    };
    const io = captureIo();
    const dir = mkdtempSync(join(tmpdir(), 'pco-ctrl-c-'));
    dirs.push(dir);

    const running = runToCompletion(service, summary, { json: false, lang: 'en', files: importFilePaths(dir, 'customers.csv') }, { io, onSignal: keys.onSignal, exitNow: keys.exitNow });
    expect(keys.pressCtrlC()).toBe(true);
    await running;

    expect(io.err()).toContain('Cancelling');
    expect(pressedWhileWriting).toBe(true);
    expect(io.err()).toContain(`Left without waiting. Import ${summary.id} is kept in Redis`);
    expect(keys.exits).toEqual([130]);
    // Once the command returned, Ctrl+C is Node's again.
    expect(keys.pressCtrlC()).toBe(false);
  });
});
