import { runDoctor } from '../../doctor/run-doctor.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';

/** `pc-onboard doctor`: a ✓/✗ checklist, with the fix under each ✗. Exit 0 when all pass, 1 otherwise. */
export async function runDoctorCommand(options: { json: boolean }, deps: CliDeps): Promise<ExitCode> {
  const checks = await runDoctor(deps.loadConfig);
  const ok = checks.every((check) => check.ok);
  if (options.json) {
    writeLine(deps.io.stdout, JSON.stringify({ ok, checks }, null, 2));
  } else {
    for (const check of checks) {
      writeLine(deps.io.stdout, `${check.ok ? '✓' : '✗'} ${check.name}: ${check.detail}`);
      if (!check.ok && check.fix) writeLine(deps.io.stdout, `    fix: ${check.fix}`);
    }
    writeLine(deps.io.stdout, ok ? 'All checks passed.' : `${checks.filter((check) => !check.ok).length} check(s) need a fix.`);
  }
  return ok ? EXIT_CODES.ok : EXIT_CODES.rowsNotDone;
}
