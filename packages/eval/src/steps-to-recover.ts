import { EvalError } from './errors.js';

/** Options of {@link stepsToRecover}. */
export interface RecoveryOptions {
  /** Steps before the switch whose mean accuracy is the level to recover. */
  readonly window: number;
  /** Fraction of that level that counts as recovered. Default 0.9. */
  readonly fraction?: number;
}

/** How accuracy came back after a switch. */
export interface Recovery {
  /** Mean accuracy over the `window` steps before the switch. */
  readonly levelBefore: number;
  /** Accuracy needed: `fraction × levelBefore`. */
  readonly target: number;
  /**
   * Steps after the switch until the trailing mean of accuracy (over the
   * steps since the switch while fewer than `window`, then over `window`
   * steps) first reaches `target`; `null` if it never does.
   */
  readonly steps: number | null;
}

/**
 * Measures recovery after one switch from a per-step accuracy trace (each
 * value in [0, 1]: correctness, or correctness averaged over repeats).
 *
 * @example
 * ```ts
 * // 4 steps at 100% before the switch at step 4, then 0, 0, 1, 1, 1.
 * stepsToRecover([1, 1, 1, 1, 0, 0, 1, 1, 1], 4, { window: 4 }).steps; // 5
 * ```
 */
export function stepsToRecover(trace: ArrayLike<number>, switchAt: number, options: RecoveryOptions): Recovery {
  const { window } = options;
  const fraction = options.fraction ?? 0.9;
  if (!Number.isInteger(switchAt) || switchAt < window || switchAt >= trace.length) {
    throw new EvalError('switchAt', switchAt, `an integer in [window ${window}, ${trace.length - 1}] (a full window before it)`);
  }
  let before = 0;
  for (let t = switchAt - window; t < switchAt; t++) before += trace[t]!;
  const levelBefore = before / window;
  const target = fraction * levelBefore;
  let sum = 0;
  for (let k = 0; switchAt + k < trace.length; k++) {
    sum += trace[switchAt + k]!;
    if (k >= window) sum -= trace[switchAt + k - window]!;
    if (sum / Math.min(k + 1, window) >= target) return { levelBefore, target, steps: k + 1 };
  }
  return { levelBefore, target, steps: null };
}
