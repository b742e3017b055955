/**
 * Errors that mean "Redis cannot be reached right now" (refused, reset, timed out, or a command
 * refused because the connection is down), as opposed to an error in a command. Those are an
 * outage: logged once and answered 503, never as a stack trace per attempt.
 */
export function isRedisConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  if (code && CONNECTION_CODES.has(code)) return true;
  if (error.name === 'MaxRetriesPerRequestError') return true;
  return CONNECTION_MESSAGES.some((pattern) => pattern.test(error.message));
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

const CONNECTION_MESSAGES = [
  /enableOfflineQueue options is false/,
  /^Connection is closed/,
  /^Command timed out/,
  /max retries per request/i,
  /^connect ETIMEDOUT/,
  /^read ECONNRESET/,
  /LOADING Redis is loading/,
];
