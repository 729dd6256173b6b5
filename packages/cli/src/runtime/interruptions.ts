import { EXIT } from '../exit-codes.js';

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
 * at its next safe point) and calls `first`; a second calls `second`, which
 * must be synchronous (record the status, release the lock), and ends the
 * process at once with the interrupted exit code.
 */
export function watchInterruptions(handlers: { first(): void; second(): void }): Interruptions {
  let requested = false;
  const onSignal = () => {
    if (requested) {
      handlers.second();
      process.exit(EXIT.interrupted);
    }
    requested = true;
    handlers.first();
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    get requested() {
      return requested;
    },
    dispose() {
      for (const signal of SIGNALS) process.off(signal, onSignal);
    },
  };
}
