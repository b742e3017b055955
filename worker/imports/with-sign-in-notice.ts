import type { ImportSummary, PausableSummary } from '../../shared/imports/import-types.ts';
import { PAUSED_FOR_SIGN_IN } from '../../shared/partner-center/sign-in-required-error.ts';
import type { ImportService } from './import-service.ts';
import type { SignInStore } from '../auth/sign-in-store.ts';

/**
 * The import service whose summaries say "Sign in again: pc-onboard login" (`paused`) while the
 * rows of an unfinished import wait for a new sign-in, for the API, the CLI and the side panel.
 */
export function withSignInNotice(service: ImportService, store: Pick<SignInStore, 'needed'>): ImportService {
  const annotate = async (summary: ImportSummary): Promise<PausableSummary> => {
    const waiting = summary.counts.pending > 0 && summary.state !== 'cancelled' && !summary.dryRun;
    if (!waiting) return summary;
    // Bounded: the summary itself was just read (a fail-fast connection in the API); never hang on the mark.
    const needed = await Promise.race([store.needed().catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 900).unref())]);
    if (!needed) return summary;
    return { ...summary, paused: { reason: 'sign-in-required', message: { ...PAUSED_FOR_SIGN_IN } } };
  };
  const wrapped: ImportService = Object.create(service) as ImportService;
  wrapped.getImport = async (importId) => {
    const summary = await service.getImport(importId);
    return summary && annotate(summary);
  };
  wrapped.listImports = async (options) => Promise.all((await service.listImports(options)).map(annotate));
  return wrapped;
}
