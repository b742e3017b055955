import { PartnerCenterError } from './partner-center-error.ts';

/** What every surface says while a sign-in is needed (CLI, API, side panel). */
export const SIGN_IN_AGAIN = {
  en: 'Sign in again: pc-onboard login',
  ja: '再度サインインしてください: pc-onboard login',
} as const;

/** Why an import waits, for its status (the API, the side panel) and the CLI. */
export const PAUSED_FOR_SIGN_IN = {
  en: 'Paused: the Partner Center sign-in has expired or was revoked. Sign in again: pc-onboard login (no row fails; the import goes on by itself after the sign-in).',
  ja: '一時停止中: Partner Center のサインインの有効期限が切れたか、取り消されました。再度サインインしてください: pc-onboard login（失敗になる行はありません。サインイン後に自動で再開します）。',
} as const;

/**
 * The partner's sign-in is missing, revoked or expired (`invalid_grant`): no call can succeed
 * until a person signs in again. Not a failure of the row: the worker pauses the queue and
 * resumes by itself after the next `pc-onboard login`.
 */
export class SignInRequiredError extends PartnerCenterError {
  override name = 'SignInRequiredError';
  readonly signInRequired = true;

  constructor(reason: string, cause?: unknown) {
    super({ errorCode: 'unauthorized', retryable: false, message: `${reason} ${SIGN_IN_AGAIN.en}`, ...(cause === undefined ? {} : { cause }) });
  }
}

/** By shape, so it works across module copies. */
export function isSignInRequiredError(error: unknown): error is SignInRequiredError {
  return typeof error === 'object' && error !== null && (error as { signInRequired?: unknown }).signInRequired === true;
}
