import Papa from 'papaparse';
import type { LedgerEntry } from '../../ledger/ledger-entry.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { UsageError } from '../usage-error.ts';

export interface LedgerCommandOptions {
  domain?: string;
  since?: string;
  csv: boolean;
  json: boolean;
}

const CSV_COLUMNS: (keyof LedgerEntry)[] = ['createdAt', 'cloud', 'domain', 'customerId', 'adminUser', 'queuedBy', 'importId', 'fileName', 'row'];

/**
 * `pc-onboard ledger [--domain D] [--since DATE] [--csv]`: every customer this tool created, in
 * creation order: who queued it, when, in which import. The audit trail of who onboarded whom.
 */
export async function runLedgerCommand(options: LedgerCommandOptions, deps: CliDeps): Promise<ExitCode> {
  const since = options.since === undefined ? undefined : parseSince(options.since);
  const runtime = await deps.openRuntime(deps.loadConfig(), { worker: false });
  try {
    const out = deps.io.stdout;
    let count = 0;
    // CSV for a spreadsheet (formula-escaped like every CSV the tool writes), JSON lines for scripts.
    if (options.csv) out.write('\ufeff' + Papa.unparse([CSV_COLUMNS], { newline: '\r\n' }) + '\r\n');
    for await (const entry of runtime.ledger.list({ ...(options.domain ? { domain: options.domain } : {}), ...(since ? { since } : {}) })) {
      count += 1;
      if (options.csv) out.write(Papa.unparse([CSV_COLUMNS.map((column) => String(entry[column]))], { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/ }) + '\r\n');
      else if (options.json) writeLine(out, JSON.stringify(entry));
      else writeLine(out, `${entry.createdAt.slice(0, 19).replace('T', ' ')}  ${entry.cloud.padEnd(6)} ${entry.domain.padEnd(27)} ${entry.customerId}  ${entry.adminUser}  by ${entry.queuedBy}  import ${entry.importId} row ${entry.row}`);
    }
    if (!options.csv && !options.json && count === 0) writeLine(deps.io.stderr, 'No customer in the ledger matches.');
    return EXIT_CODES.ok;
  } finally {
    await runtime.close();
  }
}

function parseSince(text: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--since: "${text}" is not a date; give YYYY-MM-DD (UTC) or an ISO time such as 2026-12-01T09:00:00Z.`);
  return date;
}
