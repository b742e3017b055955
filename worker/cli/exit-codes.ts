/** The CLI's exit codes: scripts branch on them. */
export const EXIT_CODES = {
  /** Every row ended created, exists or ready (or the command did what it was asked). */
  ok: 0,
  /** The import ran but some rows ended invalid, failed or skipped. */
  rowsNotDone: 1,
  /** Usage or file error: nothing was imported; the message says what to fix. */
  usage: 2,
  /** Left at once on a second Ctrl+C: the import stays in Redis (`pc-onboard resume <import>`). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
