import type { RunContext } from './run-context.js';
import { RunHalted } from './run-summary.js';

/** How long synchronous work runs before letting signals be handled, in milliseconds. */
const SLICE_MS = 100;

/**
 * A safe point between units of work: lets pending signals be handled (one
 * turn of the event loop: synchronous work keeps Ctrl-C handlers from
 * running), then ends the stage, resumable, if a stop was asked.
 */
export async function stopPoint({ interruption }: Pick<RunContext, 'interruption'>): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (interruption.requested) throw new RunHalted('interrupted', 'interrupted');
}

/**
 * Runs synchronous work written as a generator (each `yield` ends a unit),
 * with a {@link stopPoint} every {@link SLICE_MS} ms; returns its result.
 * The slices only decide when signals are looked at, never the result.
 */
export async function runInSlices<T>(work: Generator<unknown, T, undefined>, context: Pick<RunContext, 'interruption'>): Promise<T> {
  let sliceEnd = performance.now() + SLICE_MS;
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() >= sliceEnd) {
      await stopPoint(context);
      sliceEnd = performance.now() + SLICE_MS;
    }
  }
}
