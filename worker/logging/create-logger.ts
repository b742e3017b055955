import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.ts';

/** Paths pino replaces with `[redacted]` wherever they appear in a log object (one level deep too). */
export const REDACTED_PATHS: readonly string[] = [
  'password',
  'adminPassword',
  'authorization',
  'Authorization',
  'token',
  'apiToken',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'secret',
  'clientSecret',
  'client_secret',
  'secretKey',
  'userCredentials',
].flatMap((name) => [name, `*.${name}`, `*.*.${name}`]);

/**
 * The worker's pino logger, with secret paths redacted. Pass `destination` in tests to capture
 * every line that was written.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino(
    {
      name: 'pc-onboard',
      level: config.logLevel,
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    },
    destination ?? pino.destination(2),
  );
}
