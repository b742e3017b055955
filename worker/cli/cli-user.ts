import { userInfo } from 'node:os';

/** Who queues an import from the command line (the API records an API token's name instead). */
export function cliUser(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    // No passwd entry (some containers): still say where it came from.
    return 'cli';
  }
}
