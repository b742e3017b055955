import { t, uiLanguage } from '../i18n/translate.ts';
import { isWorkerApiError } from '../worker/worker-errors.ts';
import type { WorkerErrorKind } from '../worker/worker-errors.ts';

/** A sentence that tells the user what to fix when the worker can't be used. */
export function describeWorkerError(kind: WorkerErrorKind, detail: string): string {
  switch (kind) {
    case 'unreachable':
      return t('workerUnreachable');
    case 'unauthorized':
      return t('workerUnauthorized');
    case 'not-configured':
      return t('workerNotConfigured');
    case 'no-token':
      return t('workerNoToken');
    case 'http':
      return t('workerHttpError', detail);
  }
}

export function describeError(error: unknown): string {
  if (isWorkerApiError(error)) {
    if (error.kind === 'http' && error.localized) return t('workerHttpError', error.localized[uiLanguage.value]);
    return describeWorkerError(error.kind, error.message);
  }
  return error instanceof Error ? error.message : String(error);
}

/** True when the worker was not called because Options lack a URL or token: a first step to take, not a failure. */
export function isSetupNeeded(error: unknown): boolean {
  return isWorkerApiError(error) && (error.kind === 'no-token' || error.kind === 'not-configured');
}
