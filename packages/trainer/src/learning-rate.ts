/**
 * The learning rate of an epoch (0-based) under a schedule: constant, or
 * cosine annealing from `base` towards 0 over `epochs`, stepped once per
 * epoch (PyTorch's CosineAnnealingLR with `T_max = epochs`, as the seed used).
 *
 * @example
 * ```ts
 * learningRateAt(0, { base: 1e-3, epochs: 10, scheduler: 'cosine' }); // 1e-3
 * learningRateAt(5, { base: 1e-3, epochs: 10, scheduler: 'cosine' }); // 5e-4
 * ```
 */
export function learningRateAt(epoch: number, schedule: { base: number; epochs: number; scheduler: 'none' | 'cosine' }): number {
  if (schedule.scheduler === 'none') return schedule.base;
  return (schedule.base * (1 + Math.cos((Math.PI * epoch) / schedule.epochs))) / 2;
}

/**
 * The factor of a linear learning-rate warm-up at a 0-based optimizer step:
 * `(step + 1) / warmupSteps` over the first `warmupSteps` steps, then 1;
 * always 1 without a warm-up (`null`). It multiplies the scheduled rate, so
 * the first steps of training, when Adam's moments are still raw, take small
 * strides.
 *
 * @example
 * ```ts
 * warmupFactor(0, 100); // 0.01
 * warmupFactor(99, 100); // 1
 * warmupFactor(5, null); // 1
 * ```
 */
export function warmupFactor(step: number, warmupSteps: number | null): number {
  return warmupSteps === null ? 1 : Math.min(1, (step + 1) / warmupSteps);
}
