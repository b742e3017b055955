/** The JSON body of every API error (RFC 9457 problem details). */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Present on validation problems: one entry per offending input. */
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(slug: string): string {
  return `urn:pc-onboard:problem:${slug}`;
}
