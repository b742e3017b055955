import { PartnerCenterError } from './partner-center-error.ts';

/**
 * A token request that failed, as the client's typed error: a network failure is a retryable
 * `upstream_error`, anything else `unauthorized` with `hint` saying what to check.
 */
export function tokenError(error: unknown, authority: string, hint: string): PartnerCenterError {
  const code = (error as { errorCode?: string }).errorCode ?? '';
  const network = /network|timed_out|endpoints_resolution/i.test(code);
  return new PartnerCenterError({
    errorCode: network ? 'upstream_error' : 'unauthorized',
    retryable: network,
    cause: error,
    message: `Could not get a Partner Center token from ${authority}: ${(error as Error).message ?? String(error)}. ` +
      (network ? 'The sign-in service did not answer; try again later.' : hint),
  });
}
