import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { startApiServer } from '../../api/start-api-server.ts';
import { BOARD_BASE_PATH } from '../../api/create-app.ts';
import { UsageError } from '../usage-error.ts';
import { waitForSignal } from './wait-for-signal.ts';

export interface ServeCommandOptions {
  port?: number;
  host?: string;
  concurrency?: number;
}

/**
 * `pc-onboard serve` (`npm start`): the HTTP API and a worker in one process, on embedded
 * defaults. Prints what a new user needs: which Partner Center, the URL, the token (first start
 * only), how to load the extension and a sample import. SIGINT/SIGTERM stop it gracefully.
 */
export async function runServeCommand(options: ServeCommandOptions, deps: CliDeps): Promise<ExitCode> {
  const config = deps.loadConfig();
  const runtime = await deps.openRuntime(config, { worker: true, concurrency: options.concurrency });
  let server;
  let firstTokenRevoked = false;
  try {
    // The API fails fast while Redis is away (503 within a second); the worker keeps waiting for it.
    const api = await runtime.openApiService();
    // The configured token is the person-less "first" one, until someone revokes it.
    await api.tokens.registerConfigured(config.apiToken);
    firstTokenRevoked = (await api.tokens.identify(config.apiToken)) === undefined;
    server = await startApiServer(
      {
        service: api.service,
        redisReachable: api.reachable,
        apiToken: config.apiToken,
        identifyToken: (candidate) => api.tokens.identify(candidate),
        ledger: api.ledger,
        extensionOrigins: config.extensionOrigins,
        maxBodyBytes: config.bodyLimitBytes,
        checkHealth: () => runtime.checkHealth(),
        boardQueues: runtime.queues,
        reportError: (error, context) => runtime.reportError(error, context),
      },
      { port: options.port ?? config.port, host: options.host ?? config.host },
    );
  } catch (error) {
    await runtime.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(
        `Port ${options.port ?? config.port} is already in use (another "pc-onboard serve"?). Stop it, or choose another port with --port or PC_ONBOARD_PORT.`,
        { cause: error },
      );
    }
    throw error;
  }

  // Listen before saying "Ctrl+C stops": a signal that arrives right after would otherwise kill the process unhandled.
  const stopSignal = waitForSignal(deps);
  const out = deps.io.stdout;
  writeLine(out, runtime.banner);
  writeLine(out, `pc-onboard worker API listening on ${server.url} (Redis ${runtime.redisUrl}, key prefix ${config.keyPrefix})`);
  if (firstTokenRevoked) {
    writeLine(out, 'API token: the configured one was revoked; give each person a token with "pc-onboard token add NAME".');
  } else if (config.apiTokenGenerated) {
    writeLine(out, `API token (shown once; also kept in ${config.dataDir}/api-token): ${config.apiToken}`);
  } else {
    writeLine(out, `API token: the one configured (PC_ONBOARD_API_TOKEN or ${config.dataDir}/api-token).`);
  }
  writeLine(out, 'One token per person ("pc-onboard token add NAME") records who queued each import.');
  writeLine(out, `Queue dashboard: ${server.url}${BOARD_BASE_PATH}?token=<API token> (open once; a cookie keeps you signed in)`);
  writeLine(out, 'Browser extension: run "npm run build", open chrome://extensions, enable Developer mode,');
  writeLine(out, '  "Load unpacked" → .output/chrome-mv3, then in its Options set the worker URL above and the API token.');
  if (config.extensionOrigins.length === 0) {
    writeLine(out, '  (Set PC_ONBOARD_EXTENSION_ORIGINS=chrome-extension://<extension id> so the extension may call this API.)');
  }
  writeLine(out, 'Bulk import from a terminal: npx pc-onboard import examples/customers.csv');
  writeLine(out, 'Ctrl+C stops the server after the running rows.');

  const signal = await stopSignal;
  writeLine(deps.io.stderr, `${signal}: shutting down…`);
  await server.close();
  await runtime.close();
  return EXIT_CODES.ok;
}
