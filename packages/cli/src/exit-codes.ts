/** Exit codes of the `pg` command. */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** The work failed (an unexpected error). */
  failed: 1,
  /** Bad input: a config typo, a wrong type, impossible parameters, a corrupt checkpoint, a run folder in use. */
  badInput: 2,
  /** Training diverged (a loss, gradient or weight went NaN or infinite); the message names the epoch. */
  diverged: 3,
  /** Stopped by Ctrl-C or SIGTERM; the run folder can be resumed. */
  interrupted: 130,
} as const;
