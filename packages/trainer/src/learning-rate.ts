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
