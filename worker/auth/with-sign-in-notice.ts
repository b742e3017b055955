import type { ImportSummary } from '../../shared/imports/import-types.ts';
import { PAUSED_FOR_SIGN_IN } from '../../shared/partner-center/sign-in-required-error.ts';
import type { ImportService } from '../imports/import-service.ts';
import type { SignInStore } from './sign-in-store.ts';

/**
 * Why an unfinished import waits, as its summary's `paused` field (the side panel shows
 * `message` in its language; `reason` names the sign-in). No row fails while it is set.
 */
export interface ImportPause {
  reason: 'sign-in-required';
  message: { en: string; ja: string };
}

export type PausableSummary = ImportSummary & { paused?: ImportPause };

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
