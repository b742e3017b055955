import { startSandbox } from './start-sandbox.ts';
import { sandboxOptionsFromEnv } from './sandbox-options-from-env.ts';

/**
 * Runs the sandbox standalone: `node sandbox/main.ts` (port from SANDBOX_PORT, default 8090).
 * Prints its URL and a test token; Ctrl+C stops it.
 */
const options = sandboxOptionsFromEnv(process.env);
const testToken = options.testToken ?? 'sandbox-test-token';
const sandbox = await startSandbox({ ...options, testToken });
console.log(`Partner Center sandbox listening on ${sandbox.url}`);
console.log(`Test token (app+user): ${testToken}`);
console.log(`Inspect: ${sandbox.url}/_sandbox/stats   Faults: POST ${sandbox.url}/_sandbox/faults`);
const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
