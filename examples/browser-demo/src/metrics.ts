import { stepsToRecover } from '@pg/eval';

/** Steps in the rolling accuracy the page shows. */
export const WINDOW = 25;

/** Fraction of the level before a switch that counts as recovered (as in the run reports). */
export const RECOVERY_FRACTION = 0.9;

/**
 * The rolling mean at every step: `rolling[t]` is the mean of
 * `values[t − window + 1 … t]` (fewer at the start).
 */
export function rollingMeans(values: ArrayLike<number>, window: number): Float64Array {
  const result = new Float64Array(values.length);
  let sum = 0;
  for (let t = 0; t < values.length; t++) {
    sum += values[t]!;
    if (t >= window) sum -= values[t - window]!;
    result[t] = sum / Math.min(t + 1, window);
  }
  return result;
}

/** Steps right after a switch whose accuracy shows the drop. */
export const FIRST_STEPS = 10;

/** How accuracy went through one graph switch. */
export interface SwitchSummary {
  /** The number of steps before the switch. */
  readonly at: number;
  /** Accuracy over the `window` steps before the switch. */
  readonly levelBefore: number;
  /** Accuracy over the first {@link FIRST_STEPS} steps on the new graph (fewer while there are fewer). */
  readonly firstSteps: number;
  /**
   * Steps on the new graph until the trailing accuracy is back to {@link RECOVERY_FRACTION} of
   * `levelBefore` (`stepsToRecover` of `@pg/eval`, as in the run reports); `null` until then.
   */
  readonly recoveredAfter: number | null;
}

/**
 * Summarises a switch after step `at` from the correctness (1 or 0) of every step so far, or
 * returns `null` while it cannot: fewer than `window` steps before the switch or none after it.
 *
 * @example
 * ```ts
 * summarizeSwitch(session.correctness(), 300, WINDOW); // { at: 300, levelBefore: 0.88, firstSteps: 0.2, recoveredAfter: 41 }
 * ```
 */
export function summarizeSwitch(correct: ArrayLike<number>, at: number, window: number): SwitchSummary | null {
  if (at < window || correct.length <= at) return null;
  const { levelBefore, steps } = stepsToRecover(correct, at, { window, fraction: RECOVERY_FRACTION });
  const first = Array.from({ length: Math.min(FIRST_STEPS, correct.length - at) }, (_, k) => correct[at + k]!);
  return { at, levelBefore, firstSteps: first.reduce((sum, value) => sum + value, 0) / first.length, recoveredAfter: steps };
}
