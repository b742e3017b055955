import type { LocalizedMessage } from '../../../shared/i18n/localized-message.ts';

/** Why a call to the worker API failed, as the side panel explains it to the user. */
/** `no-token`: no API token in Options yet; nothing was sent (a new user, not a refused token). */
export type WorkerErrorKind = 'unreachable' | 'unauthorized' | 'http' | 'not-configured' | 'no-token';

/** A failed call to the worker API; `kind` picks the message shown. */
export class WorkerApiError extends Error {
  readonly kind: WorkerErrorKind;
  readonly status: number | undefined;
  readonly url: string;
  /** The worker's own explanation in EN and JA, when it sent one (e.g. a refused CSV file). */
  readonly localized: LocalizedMessage | undefined;

  constructor(
    kind: WorkerErrorKind,
    url: string,
    message: string,
    options?: { status?: number; cause?: unknown; localized?: LocalizedMessage },
  ) {
    super(message, { cause: options?.cause });
    this.name = 'WorkerApiError';
    this.kind = kind;
    this.url = url;
    this.status = options?.status;
    this.localized = options?.localized;
  }
}

export function isWorkerApiError(error: unknown): error is WorkerApiError {
  return error instanceof WorkerApiError;
}
