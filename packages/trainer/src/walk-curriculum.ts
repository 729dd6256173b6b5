/** A curriculum on walk length: how many steps of each walk train at each epoch. */
export interface WalkCurriculum {
  /** Steps of each walk trained on at the first epoch. */
  readonly startSteps: number;
  /** Epochs over which the length grows, linearly, to the whole walk: from this 0-based epoch on, whole walks train. */
  readonly epochs: number;
}

/**
 * The steps of each walk that train at a 0-based epoch under a curriculum:
 * `startSteps` at the first epoch, growing linearly (rounded) to the whole
 * walk of `walkSteps` steps at epoch `curriculum.epochs` and after; every
 * walk without a curriculum. Training on a walk's first steps is training
 * on a shorter random walk, so the curriculum needs no other data.
 *
 * @example
 * ```ts
 * curriculumSteps(0, 1999, { startSteps: 99, epochs: 10 }); // 99
 * curriculumSteps(5, 1999, { startSteps: 99, epochs: 10 }); // 1049
 * curriculumSteps(10, 1999, { startSteps: 99, epochs: 10 }); // 1999
 * ```
 */
export function curriculumSteps(epoch: number, walkSteps: number, curriculum: WalkCurriculum | null): number {
  if (curriculum === null) return walkSteps;
  const start = Math.min(curriculum.startSteps, walkSteps);
  return Math.min(walkSteps, Math.round(start + ((walkSteps - start) * epoch) / curriculum.epochs));
}
