/** The signals that ask a run to stop: Ctrl-C, and what schedulers and `kill` send. */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Whether the user or a scheduler asked the run to stop. */
export interface Interruptions {
  /** Set by the first SIGINT or SIGTERM; long work checks it between units. */
  readonly requested: boolean;
  /** Stops listening to the signals. */
  dispose(): void;
}

/**
 * Listens for SIGINT and SIGTERM. The first sets `requested` (the work stops
 * at its next safe point), calls `onFirst`, and stops listening, so that a
 * second signal gets the system's default action: the process ends at once,
 * even in the middle of synchronous work that keeps JavaScript handlers from
 * running (exit status 128 + the signal's number).
 */
export function watchInterruptions(onFirst: () => void): Interruptions {
  let requested = false;
  const onSignal = () => {
    requested = true;
    stop();
    onFirst();
  };
  const stop = () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    get requested() {
      return requested;
    },
    dispose: stop,
  };
}
