export { consoleProgress, type ConsoleProgressOptions } from './console-progress.js';
export { TrainerError } from './errors.js';
export { jsonlMetrics } from './jsonl-metrics.js';
export { nextNodeScore, type BatchScore } from './next-node-loss.js';
export { firstNonFiniteWeight } from './non-finite.js';
// SNAPSHOT_MANIFEST_FILE is public because the pg command decides from it whether a resume folder holds a snapshot.
export { optimizerSteps, type StepSchedule } from './optimizer-steps.js';
export { loadSnapshot, saveSnapshot, SNAPSHOT_MANIFEST_FILE } from './snapshot-files.js';
export { Trainer, type Divergence, type TrainerSnapshot, type TrainingResult } from './trainer.js';
export type { BatchInfo, EpochRecord, TrainerCallbacks } from './trainer-callbacks.js';
export type { ResolvedTrainerOptions, TrainerOptions } from './trainer-options.js';
export type { WalkPartition } from './validation-split.js';
export { curriculumSteps, type WalkCurriculum } from './walk-curriculum.js';
