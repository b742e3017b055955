/**
 * An error the API answers as `application/problem+json` (RFC 9457). Routes and middleware throw
 * it; `renderProblem` turns it into the response. `detail` must say what the caller should fix.
 */
export class ApiProblemError extends Error {
  readonly status: number;
  /** Short stable slug; the problem `type` is `urn:pc-onboard:problem:<slug>`. */
  readonly slug: string;
  readonly title: string;
  readonly detail: string;
  /** Extra members of the problem object (e.g. `errors` for validation issues). */
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(options: {
    status: number;
    slug: string;
    title: string;
    detail: string;
    extensions?: Record<string, unknown>;
    headers?: Record<string, string>;
    cause?: unknown;
  }) {
    super(`${options.status} ${options.title}: ${options.detail}`, { cause: options.cause });
    this.name = 'ApiProblemError';
    this.status = options.status;
    this.slug = options.slug;
    this.title = options.title;
    this.detail = options.detail;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }
}

export function isApiProblemError(error: unknown): error is ApiProblemError {
  return error instanceof ApiProblemError;
}
