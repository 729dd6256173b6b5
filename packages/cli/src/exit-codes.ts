/** Exit codes of the `pg` command. */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** The work failed (an unexpected error). */
  failed: 1,
  /** Bad input: a config typo, a wrong type, impossible parameters, a corrupt checkpoint. */
  badInput: 2,
  /** Stopped by Ctrl-C; the run folder can be resumed. */
  interrupted: 130,
} as const;
