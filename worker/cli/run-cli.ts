import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CLOUD_NAMES } from '../../shared/partner-center/clouds.ts';
import { isConfigError } from '../errors/config-error.ts';
import { isRedisUnavailableError } from '../errors/redis-unavailable-error.ts';
import { isUnsupportedCloudError } from '../errors/unsupported-cloud-error.ts';
import { isCloudRetiredError } from '../../shared/partner-center/cloud-retired-error.ts';
import type { CliDeps } from './cli-deps.ts';
import { writeLine } from './cli-io.ts';
import { EXIT_CODES, type ExitCode } from './exit-codes.ts';
import { isUsageError } from './usage-error.ts';
import { CSV_ENCODINGS } from '../../shared/csv/detect-encoding.ts';

/**
 * The `pc-onboard` command line. Commands are imported when they run, so `--help` and usage
 * errors answer without loading BullMQ, the sandbox and the CSV reader.
 * Thin: each command turns its flags into the
 * service's input; errors become exit code 2 with a message that says what to fix.
 */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT_CODES.ok;
  const program = createProgram(deps, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end "successfully"; every other parse error is a usage error.
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    if (isUsageError(error) || isConfigError(error) || isRedisUnavailableError(error) || isUnsupportedCloudError(error) || isCloudRetiredError(error)) {
      writeLine(deps.io.stderr, `pc-onboard: ${error.message}`);
      // Scripts that asked for JSON get the refusal as JSON too, not an empty stdout.
      if (argv.includes('--json')) writeLine(deps.io.stdout, JSON.stringify({ error: error.message, exitCode: EXIT_CODES.usage }));
      return EXIT_CODES.usage;
    }
    writeLine(deps.io.stderr, `pc-onboard: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT_CODES.rowsNotDone;
  }
}

function createProgram(deps: CliDeps, setExitCode: (code: ExitCode) => void): Command {
  const program = new Command('pc-onboard')
    .description('Onboard customers into Microsoft Partner Center from a CSV file, and serve the API of the browser extension.')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => deps.io.stdout.write(text),
      writeErr: (text) => deps.io.stderr.write(text),
    })
    .showHelpAfterError('(run "pc-onboard help <command>" for its options)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  pc-onboard import examples/customers.csv --dry-run   check a file, create nothing',
        '  pc-onboard import customers.csv --out results.csv    import, then write the results',
        '  pc-onboard import add-licences.csv --dry-run         show per row which subscription is raised or bought',
        '  pc-onboard serve                                     the API for the browser extension (npm start)',
        '  pc-onboard status                                    the recent imports',
        '  pc-onboard resume <import>                           continue an import stopped with Ctrl+C',
        '  pc-onboard results <import>                          write its results files again',
        '  pc-onboard ledger --since 2026-12-01                 the customers created, and by whom',
        '  pc-onboard token add alice                           an API token for one person',
        '  pc-onboard login                                     sign in to Partner Center (docs/partner-center-setup.md)',
        '  pc-onboard doctor                                    check the set-up, with the fix for each problem',
        '',
        'Configuration comes from environment variables (REDIS_URL, PC_ONBOARD_*, PARTNER_CENTER_*),',
        'listed with their defaults in docs/configuration.md. Without Partner Center credentials',
        'everything runs against the built-in sandbox and no real customers are created.',
      ].join('\n'),
    );

  const concurrency = () => new Option('--concurrency <n>', 'rows processed at the same time by this process (default: PC_ONBOARD_CONCURRENCY or 4)').argParser(parsePositiveInteger);
  const json = () => new Option('--json', 'print a machine-readable summary on stdout').default(false);
  const lang = () => new Option('--lang <language>', 'language of pc_error in the written files and of the message when the file is refused').choices(['en', 'ja']).default('en');

  program
    .command('import')
    .description('import a CSV file of customers, or an orders file that adds licences to existing customers (docs/contracts/csv.md §6), with progress; exit 0 when every row ended created/exists/ready/ordered, 1 otherwise, 2 on a usage or file error (a file with a header but no data rows is not an error: exit 0, it says nothing was imported)')
    .argument('<file>', 'the CSV file')
    .option('--dry-run', 'validate and run the read-only checks only; nothing is created (rows end "ready")', false)
    .option('--out <path>', 'results file (default: <file name>.results.csv next to the input; a taken name gets -2, -3, …: files are never overwritten)')
    .option('--failed <path>', 'failed-rows file, written when rows are invalid or failed (default: <file name>.failed.csv next to the input)')
    .addOption(new Option('--cloud <cloud>', 'Partner Center cloud (default: PC_ONBOARD_CLOUD)').choices(CLOUD_NAMES))
    .addOption(concurrency())
    .option('--encoding <label>', `override the detected encoding: ${CSV_ENCODINGS.join(', ')}`)
    .addOption(json())
    .addOption(lang())
    .option('--resume', 'the same file stopped before (Ctrl+C): continue that import without asking')
    .option('--new', 'the same file stopped before: start a new import without asking (customers created before are not created again)')
    .option('--again', 'an orders file imported before (the same bytes): apply its licences once more; without it, rows an earlier import applied end "skipped" naming that import')
    .action(async (file: string, options) => setExitCode(await (await import('./commands/import-command.ts')).runImportCommand(file, options, deps)));

  program
    .command('resume')
    .description('continue a stopped import (after Ctrl+C or cancel) here, then write fresh results files; nothing is created twice')
    .argument('<import>', 'import id (printed by "import" and "status")')
    .addOption(concurrency())
    .addOption(json())
    .addOption(lang())
    .action(async (importId: string, options) => setExitCode(await (await import('./commands/resume-command.ts')).runResumeCommand(importId, options, deps)));

  program
    .command('results')
    .description('write the results file (and the failed-rows and skipped-rows files) of an import again, never over an existing file')
    .argument('<import>', 'import id')
    .option('--dir <folder>', 'where to write (default: next to the imported file when the CLI imported it, else the current folder)')
    .addOption(json())
    .addOption(lang())
    .action(async (importId: string, options) => setExitCode(await (await import('./commands/results-command.ts')).runResultsCommand(importId, options, deps)));

  program
    .command('ledger')
    .description('list every customer this tool created: when, by whom, in which import (the audit trail)')
    .option('--domain <domain>', 'only this domain (prefix or full initial domain)')
    .option('--since <date>', 'only customers created on or after this date (YYYY-MM-DD, UTC, or an ISO time)')
    .option('--csv', 'print CSV (UTF-8 with BOM) for a spreadsheet', false)
    .addOption(json())
    .action(async (options) => setExitCode(await (await import('./commands/ledger-command.ts')).runLedgerCommand(options, deps)));

  program
    .command('token')
    .description('API tokens per person: "token add NAME" prints a new one once, "token list", "token revoke NAME"')
    .addArgument(new Argument('<action>', 'what to do').choices(['add', 'list', 'revoke']))
    .argument('[name]', 'whose token (e.g. alice); recorded on every import queued with it')
    .addOption(json())
    .action(async (action: 'add' | 'list' | 'revoke', name: string | undefined, options) =>
      setExitCode(await (await import('./commands/token-command.ts')).runTokenCommand(action, name, options, deps)),
    );

  program
    .command('serve')
    .description('run the HTTP API and a worker (what "npm start" runs)')
    .option('--port <port>', 'port to listen on (default: PC_ONBOARD_PORT or 8787)', parsePort)
    .option('--host <host>', 'address to listen on (default: PC_ONBOARD_HOST or 127.0.0.1)')
    .addOption(concurrency())
    .action(async (options) => setExitCode(await (await import('./commands/serve-command.ts')).runServeCommand(options, deps)));

  program
    .command('worker')
    .description('run a queue worker only, to scale out against the same Redis')
    .addOption(concurrency())
    .action(async (options) => setExitCode(await (await import('./commands/worker-command.ts')).runWorkerCommand(options, deps)));

  program
    .command('status')
    .description("show an import's counts, or list the recent imports")
    .argument('[import]', 'import id (printed by "import"); omit it to list the recent imports')
    .addOption(json())
    .action(async (importId: string | undefined, options) => setExitCode(await (await import('./commands/status-command.ts')).runStatusCommand(importId, options, deps)));

  program
    .command('retry')
    .description('re-queue the failed rows of an import and process them here (or with --no-wait, by a running worker), then write fresh results files')
    .argument('<import>', 'import id')
    .option('--no-wait', 'only re-queue; a running "serve" or "worker" processes the rows')
    .option('--out <path>', 'results file (default: <file name>.results.csv next to the imported file, or here; a taken name gets -2, -3, …)')
    .option('--failed <path>', 'failed-rows file when rows still need fixing (default: <file name>.failed.csv beside the results)')
    .addOption(concurrency())
    .addOption(json())
    .addOption(lang())
    .action(async (importId: string, options) => setExitCode(await (await import('./commands/retry-command.ts')).runRetryCommand(importId, options, deps)));

  program
    .command('cancel')
    .description('cancel the queued rows of an import (they end "skipped"); rows already running finish')
    .argument('<import>', 'import id')
    .addOption(json())
    .action(async (importId: string, options) => setExitCode(await (await import('./commands/cancel-command.ts')).runCancelCommand(importId, options, deps)));

  program
    .command('reveal')
    .description("print a created customer's admin password, once (to stdout only)")
    .argument('<import>', 'import id')
    .argument('<row>', 'row number (pc_row in the results file)', parsePositiveInteger)
    .addOption(json())
    .action(async (importId: string, row: number, options) => setExitCode(await (await import('./commands/reveal-command.ts')).runRevealCommand(importId, row, options, deps)));

  const signInOptions = (command: Command) =>
    command
      .addOption(new Option('--cloud <cloud>', 'Partner Center cloud (default: PC_ONBOARD_CLOUD)').choices(['global', 'usgov', 'china']))
      .option('--tenant <id>', 'partner tenant id or domain (default: PARTNER_CENTER_TENANT_ID)')
      .option('--client-id <id>', 'application (client) id of your app registration (default: PARTNER_CENTER_CLIENT_ID)');

  signInOptions(
    program
      .command('login')
      .description('sign in to Partner Center with a code shown here and entered in your browser (MFA there); every worker then uses this sign-in'),
  ).action(async (options) => setExitCode(await (await import('./commands/login-command.ts')).runLoginCommand(options, deps)));

  signInOptions(program.command('logout').description('forget the shared Partner Center sign-in')).action(async (options) =>
    setExitCode(await (await import('./commands/logout-command.ts')).runLogoutCommand(options, deps)),
  );

  signInOptions(program.command('whoami').description('show the cloud, tenant, signed-in user and when the sign-in was last refreshed'))
    .addOption(json())
    .action(async (options) => setExitCode(await (await import('./commands/whoami-command.ts')).runWhoamiCommand(options, deps)));

  program
    .command('doctor')
    .description('check the set-up: Redis, secret key, cloud, sign-in, a read call, rate budget, the API for the extension; says how to fix each ✗')
    .addOption(json())
    .action(async (options) => setExitCode(await (await import('./commands/doctor-command.ts')).runDoctorCommand(options, deps)));

  program
    .command('sandbox')
    .description('run the Partner Center sandbox on its own (prints its URL and a test token)')
    .option('--port <port>', 'port (default: SANDBOX_PORT or 8090)', parsePort)
    .action(async (options) => setExitCode(await (await import('./commands/sandbox-command.ts')).runSandboxCommand(options, deps)));

  for (const command of program.commands) {
    command.exitOverride().configureOutput({
      writeOut: (text) => deps.io.stdout.write(text),
      writeErr: (text) => deps.io.stderr.write(text),
    });
  }
  return program;
}

function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('give a whole number of 1 or more.');
  return number;
}

function parsePort(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new InvalidArgumentError('give a port number between 0 and 65535.');
  return number;
}
