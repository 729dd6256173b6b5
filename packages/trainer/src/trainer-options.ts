import type { WalkSplit } from '@pg/datasets';
import type { NetworkState } from '@pg/models';
import { TrainerError } from './errors.js';
import type { TrainerCallbacks } from './trainer-callbacks.js';

/** Options of a {@link Trainer}. Defaults follow the seed project's example configs. */
export interface TrainerOptions<S extends NetworkState = NetworkState> {
  /** Passes over the training walks, ≥ 1. Default 50. */
  epochs?: number;
  /** Walks per minibatch, ≥ 1. Default 32. */
  batchSize?: number;
  /** Adam's learning rate, > 0. Default 0.0005. */
  learningRate?: number;
  /** Fraction of the training walks held out for validation, in [0, 1). Default 0.2, or 0 with `validation`. */
  valSplit?: number;
  /**
   * Walks of held-out graphs to validate on (a dataset's `validation` split), instead of holding
   * out `valSplit` of the training walks, which would then be 0. Every training walk trains.
   * Default none.
   */
  validation?: WalkSplit;
  /** Learning-rate schedule: `cosine` anneals to 0 over the epochs (stepped per epoch), `none` keeps it. Default `cosine`. */
  scheduler?: 'none' | 'cosine';
  /** Clip the global gradient norm to this value. Default `null`: off (the norm is recorded either way). */
  gradClip?: number | null;
  /**
   * A linear learning-rate warm-up over this many optimizer steps: the scheduled rate times
   * `(step + 1) / warmupSteps` until then. Default `null`: none.
   */
  warmupSteps?: number | null;
  /**
   * Truncated backpropagation through time: each batch's walks are cut into chunks of this many
   * steps, run in order with the state (the fast weights) carried from chunk to chunk, with one
   * optimizer step per chunk and no gradient across chunk boundaries, so long walks train in
   * bounded memory. Validation runs in the same chunks. Default `null`: each walk whole, one step per batch.
   */
  tbpttSteps?: number | null;
  /**
   * A curriculum on walk length: the first epoch trains on the first `curriculumStartSteps` steps of
   * each walk, growing linearly to the whole walk at epoch `curriculumEpochs` (0-based) and after;
   * validation always runs whole walks. Both or neither. Default `null`: whole walks throughout.
   */
  curriculumStartSteps?: number | null;
  /** See `curriculumStartSteps`. Default `null`. */
  curriculumEpochs?: number | null;
  /**
   * Early stopping: end training once this many epochs have passed without a better validation
   * loss (the best epoch's weights are restored, as always). Needs validation walks. The
   * learning-rate schedule still spans `epochs`. Default `null`: train every epoch.
   */
  earlyStoppingPatience?: number | null;
  /** Seed of the validation split, the batch order and the initial state of every sequence. Default 0. */
  seed?: number;
  /** Hooks called during training, in order (e.g. {@link consoleProgress}, {@link jsonlMetrics}). Default none. */
  callbacks?: TrainerCallbacks<S> | ReadonlyArray<TrainerCallbacks<S>>;
}

/** {@link TrainerOptions} with every default filled in (callbacks and the validation walks aside). */
export type ResolvedTrainerOptions = Required<Omit<TrainerOptions, 'callbacks' | 'validation'>>;

/** Checks the options and fills in defaults. */
export function resolveTrainerOptions(options: TrainerOptions<never>): ResolvedTrainerOptions {
  const resolved = {
    epochs: options.epochs ?? 50,
    batchSize: options.batchSize ?? 32,
    learningRate: options.learningRate ?? 0.0005,
    valSplit: options.valSplit ?? (options.validation ? 0 : 0.2),
    scheduler: options.scheduler ?? 'cosine',
    gradClip: options.gradClip ?? null,
    warmupSteps: options.warmupSteps ?? null,
    tbpttSteps: options.tbpttSteps ?? null,
    curriculumStartSteps: options.curriculumStartSteps ?? null,
    curriculumEpochs: options.curriculumEpochs ?? null,
    earlyStoppingPatience: options.earlyStoppingPatience ?? null,
    seed: options.seed ?? 0,
  };
  const integer = (field: keyof ResolvedTrainerOptions, min: number) => {
    const value = resolved[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) throw new TrainerError(field, value, `an integer ≥ ${min}`);
  };
  integer('epochs', 1);
  integer('batchSize', 1);
  if (!Number.isSafeInteger(resolved.seed)) throw new TrainerError('seed', resolved.seed, 'an integer');
  if (!(resolved.learningRate > 0) || !Number.isFinite(resolved.learningRate)) {
    throw new TrainerError('learningRate', resolved.learningRate, 'a number > 0');
  }
  if (!(resolved.valSplit >= 0 && resolved.valSplit < 1)) throw new TrainerError('valSplit', resolved.valSplit, 'a number in [0, 1)');
  if (options.validation && resolved.valSplit !== 0) {
    throw new TrainerError('valSplit', resolved.valSplit, '0 or left out when validation walks of held-out graphs are given');
  }
  if (resolved.scheduler !== 'none' && resolved.scheduler !== 'cosine') {
    throw new TrainerError('scheduler', resolved.scheduler, 'one of "none", "cosine"');
  }
  if (resolved.gradClip !== null && !(resolved.gradClip > 0)) throw new TrainerError('gradClip', resolved.gradClip, 'a number > 0, or null');
  for (const field of ['warmupSteps', 'tbpttSteps', 'curriculumStartSteps', 'curriculumEpochs', 'earlyStoppingPatience'] as const) {
    const value = resolved[field];
    if (value !== null && !(Number.isInteger(value) && value >= 1)) throw new TrainerError(field, value, 'an integer ≥ 1, or null');
  }
  if ((resolved.curriculumStartSteps === null) !== (resolved.curriculumEpochs === null)) {
    const missing = resolved.curriculumStartSteps === null ? 'curriculumStartSteps' : 'curriculumEpochs';
    throw new TrainerError(missing, null, `set too: a curriculum needs both curriculumStartSteps and curriculumEpochs`);
  }
  return resolved;
}
