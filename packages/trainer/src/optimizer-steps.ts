import { curriculumSteps, type WalkCurriculum } from './walk-curriculum.js';

/** How a trainer cuts its walks into optimizer steps. */
export interface StepSchedule {
  /** Minibatches per epoch. */
  readonly batchesPerEpoch: number;
  /** Steps (moves) of each whole training walk: its nodes − 1. */
  readonly walkSteps: number;
  /** Chunk length of truncated backpropagation; `null` for whole walks. */
  readonly tbpttSteps: number | null;
  /** The curriculum on walk length; `null` for none. */
  readonly curriculum: WalkCurriculum | null;
}

/**
 * Optimizer steps taken in the first `epochs` epochs: one per batch, or with
 * truncated backpropagation one per chunk of the steps each epoch trains (the
 * curriculum's, or the whole walk's). A function of the options alone, so a
 * resumed run counts the same as one that never stopped.
 *
 * @example
 * ```ts
 * optimizerSteps(50, { batchesPerEpoch: 2500, walkSteps: 99, tbpttSteps: null, curriculum: null }); // 125000
 * optimizerSteps(40, { batchesPerEpoch: 12, walkSteps: 399, tbpttSteps: 40, curriculum: null }); // 40 × 12 × 10 = 4800
 * ```
 */
export function optimizerSteps(epochs: number, { batchesPerEpoch, walkSteps, tbpttSteps, curriculum }: StepSchedule): number {
  let steps = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const trained = curriculumSteps(epoch, walkSteps, curriculum);
    steps += batchesPerEpoch * Math.ceil(trained / Math.min(tbpttSteps ?? trained, trained));
  }
  return steps;
}
