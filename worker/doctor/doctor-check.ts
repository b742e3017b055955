/** One line of `pc-onboard doctor`: ✓ or ✗, what was found, and for a ✗ the fix. */
export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
  /** What to do about a ✗, as a command or a setting. */
  fix?: string;
}
