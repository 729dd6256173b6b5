import '@pg/models/register-gradients';
import { batches, type WalkSplit } from '@pg/datasets';
import { createRng, deriveSeed } from '@pg/graphs';
import type { GraphNetwork, NetworkState } from '@pg/models';
import {
  addN,
  clone,
  dispose,
  keep,
  mul,
  scalar,
  slice,
  sqrt,
  square,
  sum,
  Tensor,
  tidy,
  util,
  variableGrads,
  type NamedTensorMap,
  type Scalar,
  type Tensor2D,
  type Tensor3D,
  type TensorContainer,
} from '@tensorflow/tfjs-core';
import { Adam } from './adam.js';
import { TrainerError } from './errors.js';
import { learningRateAt, warmupFactor } from './learning-rate.js';
import { firstNonFiniteWeight } from './non-finite.js';
import { nextNodeScore } from './next-node-loss.js';
import { optimizerSteps } from './optimizer-steps.js';
import type { BatchInfo, EpochRecord, TrainerCallbacks } from './trainer-callbacks.js';
import { resolveTrainerOptions, type ResolvedTrainerOptions, type TrainerOptions } from './trainer-options.js';
import { splitWalks, type WalkPartition } from './validation-split.js';
import { curriculumSteps, type WalkCurriculum } from './walk-curriculum.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** What one optimizer step, or one batch of them, measured. */
interface StepResult {
  /** Mean cross-entropy over the steps. */
  readonly loss: number;
  /** Steps whose prediction was the target. */
  readonly correct: number;
  /** Global gradient norm (the mean over a batch's chunks). */
  readonly gradNorm: number;
}

/** What {@link Trainer.fit} returns. */
export interface TrainingResult {
  /** One record per epoch, in order. */
  readonly history: readonly EpochRecord[];
  /** The 1-based epoch whose weights the model holds at the end: the best validation loss, or the last epoch without validation. */
  readonly bestEpoch: number;
  /** The validation loss of `bestEpoch`; `null` without validation. */
  readonly bestValLoss: number | null;
  /** Whether training ended early through {@link Trainer.stop}. */
  readonly stopped: boolean;
  /**
   * Whether training ended before its last epoch because the validation loss had not improved
   * for `earlyStoppingPatience` epochs.
   */
  readonly stoppedEarly: boolean;
  /** Where training ended because a number went NaN or infinite; `null` if it did not. */
  readonly diverged: Divergence | null;
}

/**
 * Where training stopped because a number it depends on was no longer
 * finite (a learning rate too high, most often). The step that produced a
 * non-finite loss or gradient is not applied.
 */
export interface Divergence {
  /** The 1-based epoch. */
  readonly epoch: number;
  /** The 0-based batch, or `null` when found at the end of the epoch (weights, validation). */
  readonly batch: number | null;
  /** What went non-finite. */
  readonly quantity: 'training loss' | 'gradient norm' | 'weights' | 'validation loss';
  /** The value found (NaN or ±Infinity), or for weights the name of the first weight that holds one. */
  readonly value: number | string;
}

/** Everything a trainer needs to continue where it stopped, the model's weights included. */
export interface TrainerSnapshot {
  /** The options of the trainer that took the snapshot. */
  readonly options: ResolvedTrainerOptions;
  /** Epochs finished. */
  readonly completedEpochs: number;
  /** One record per finished epoch. */
  readonly history: readonly EpochRecord[];
  /** The epoch of the best validation loss so far and that loss; `null` without validation. */
  readonly best: {
    /** The 1-based epoch. */
    readonly epoch: number;
    /** Its validation loss. */
    readonly valLoss: number;
  } | null;
  /** The model's weights after `completedEpochs`, by variable name. */
  readonly weights: NamedTensorMap;
  /** Adam's state by name: the bias-correction powers (`beta1_power`, `beta2_power`) and each weight's moments (`m/<name>`, `v/<name>`). */
  readonly optimizer: NamedTensorMap;
  /** The best weights so far, by variable name (absent without validation). */
  readonly bestWeights: NamedTensorMap | null;
}

/**
 * Trains a graph network on the walks of a split by next-node cross-entropy
 * (the seed project's Trainer): Adam, minibatches shuffled by seed, a
 * validation split of the walks (or, with the `validation` option, the
 * walks of held-out graphs), optionally truncated backpropagation over
 * chunks of long walks that carry the state and a curriculum on walk
 * length, a linear warm-up over the first optimizer steps, a cosine or constant learning rate, the
 * global gradient norm recorded (clipping optional, off by default), the
 * weights of the best validation loss kept and restored at the end. Every
 * sequence starts from a fresh `initialState` (fresh fast weights for the
 * plastic network), drawn from a stream derived from the seed, the epoch and
 * the batch, so a run resumed from a {@link TrainerSnapshot} after any epoch
 * ends with the same weights as an uninterrupted one.
 *
 * @example
 * ```ts
 * const trainer = new Trainer(model, dataset.train, { epochs: 20, seed: 42 });
 * const { history, bestEpoch } = await trainer.fit();
 * ```
 */
export class Trainer<S extends NetworkState = NetworkState> {
  /** The options, every default filled in. */
  readonly options: ResolvedTrainerOptions;
  /** Which walks of the split train, and which walks of {@link Trainer.validationSplit} validate. */
  readonly partition: WalkPartition;
  /** The walks validated on: the training split itself, or the held-out graphs of the `validation` option. */
  readonly validationSplit: WalkSplit;
  private readonly callbacks: ReadonlyArray<TrainerCallbacks<S>>;
  private readonly curriculum: WalkCurriculum | null;
  /** The scheduled learning rate of the epoch being trained. */
  private epochRate = 0;
  /** The 0-based index, over the whole training, of the next optimizer step (for the warm-up). */
  private optimizerStep = 0;
  private readonly optimizer: Adam;
  private records: EpochRecord[] = [];
  private best: { epoch: number; valLoss: number } | null = null;
  private bestWeights: NamedTensorMap | null = null;
  /** The weights of the last finished epoch, kept once `fit` has put the best ones in the model. */
  private latestWeights: NamedTensorMap | null = null;
  /** Whether a stop or a divergence ended an epoch before its end: weights and optimizer are then mid-epoch. */
  private cutShort = false;
  private divergence: Divergence | null = null;
  private stopRequested = false;

  constructor(
    /** The network trained; its weights change in place. */
    readonly model: GraphNetwork<S>,
    /** The walks trained and validated on. */
    readonly split: WalkSplit,
    options: TrainerOptions<S> = {},
  ) {
    this.options = resolveTrainerOptions(options as TrainerOptions<never>);
    if (split.numNodes !== model.numNodes || split.numActions !== model.numActions) {
      throw new TrainerError('split size', [split.numNodes, split.numActions], `the model's [numNodes, numActions] = [${model.numNodes}, ${model.numActions}]`);
    }
    const heldOut = options.validation;
    if (heldOut && (heldOut.numNodes !== model.numNodes || heldOut.numActions !== model.numActions || heldOut.numWalks === 0)) {
      throw new TrainerError('validation', [heldOut.numNodes, heldOut.numActions, heldOut.numWalks], `walks of graphs of the model's size [${model.numNodes}, ${model.numActions}, ≥ 1 walk]`);
    }
    // Checked here, not with the other options: the resolved options a snapshot keeps do not hold the
    // validation walks, so they cannot tell held-out graphs from no validation at all.
    if (this.options.earlyStoppingPatience !== null && this.options.valSplit === 0 && !heldOut) {
      throw new TrainerError('earlyStoppingPatience', this.options.earlyStoppingPatience, 'null without validation walks (set valSplit > 0 or give validation walks)');
    }
    this.validationSplit = heldOut ?? split;
    this.partition = heldOut
      ? { train: Int32Array.from({ length: split.numWalks }, (_, i) => i), validation: Int32Array.from({ length: heldOut.numWalks }, (_, i) => i) }
      : splitWalks(split.numWalks, this.options.valSplit, this.options.seed);
    if (this.partition.train.length === 0) {
      throw new TrainerError('valSplit', this.options.valSplit, `a fraction that leaves training walks among ${split.numWalks}`);
    }
    const { curriculumStartSteps: startSteps, curriculumEpochs } = this.options;
    this.curriculum = startSteps === null || curriculumEpochs === null ? null : { startSteps, epochs: curriculumEpochs };
    this.callbacks = options.callbacks === undefined ? [] : Array.isArray(options.callbacks) ? options.callbacks : [options.callbacks as TrainerCallbacks<S>];
    // PyTorch's Adam defaults, as in the seed (tfjs's epsilon default is 1e-7).
    this.optimizer = new Adam(this.options.learningRate, 0.9, 0.999, 1e-8);
  }

  /** Epochs finished so far (after a resume, those of the earlier run too). */
  get completedEpochs(): number {
    return this.records.length;
  }

  /** One record per finished epoch, in order (after a resume, those of the earlier run too). */
  get history(): readonly EpochRecord[] {
    return this.records;
  }

  /**
   * Asks training to end after the current batch; the best weights are still
   * restored. Asked from `onEpochEnd`, it ends at an epoch boundary, where a
   * {@link Trainer.snapshot} can be taken; asked mid-epoch, it leaves that
   * epoch cut short (resume from the snapshot of the last finished epoch).
   */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Trains the remaining epochs and restores the best weights. Ends early on
   * {@link Trainer.stop}, after `earlyStoppingPatience` epochs without a better
   * validation loss, or when the loss, the gradient norm, the weights or the
   * validation loss stop being finite (see {@link TrainingResult.diverged}).
   */
  async fit(): Promise<TrainingResult> {
    this.stopRequested = false;
    this.divergence = null;
    this.takeBackLatestWeights();
    for (const callback of this.callbacks) await callback.onTrainStart?.(this);
    const { epochs } = this.options;
    for (let epoch = this.completedEpochs; epoch < epochs && !this.stopRequested && !this.patienceSpent(); epoch++) {
      const record = await this.trainEpoch(epoch);
      if (record === null) {
        this.cutShort = true;
        break;
      }
      this.records.push(record);
      if (record.valLoss !== null && (this.best === null || record.valLoss < this.best.valLoss)) {
        this.best = { epoch: record.epoch, valLoss: record.valLoss };
        this.keepBestWeights();
      }
      for (const callback of this.callbacks) await callback.onEpochEnd?.(record, this);
    }
    if (this.bestWeights && !this.cutShort) this.latestWeights = copyWeights(this.model.namedVariables);
    this.restoreBestWeights();
    return {
      history: [...this.records],
      bestEpoch: this.best?.epoch ?? this.completedEpochs,
      bestValLoss: this.best?.valLoss ?? null,
      stopped: this.stopRequested,
      stoppedEarly: !this.stopRequested && this.divergence === null && this.completedEpochs < epochs && this.patienceSpent(),
      diverged: this.divergence,
    };
  }

  /** Whether `earlyStoppingPatience` epochs have passed since the best validation loss. */
  private patienceSpent(): boolean {
    const patience = this.options.earlyStoppingPatience;
    return patience !== null && this.best !== null && this.completedEpochs - this.best.epoch >= patience;
  }

  /**
   * The state to resume from later, the model's weights included: taken
   * between epochs, it continues bit for bit. Tensors are copies the caller
   * owns (free them with `dispose([snapshot.weights, snapshot.optimizer, snapshot.bestWeights ?? {}])`).
   */
  snapshot(): TrainerSnapshot {
    if (this.cutShort) {
      throw new TrainerError('snapshot', `epoch ${this.completedEpochs + 1} cut short by stop()`, 'taken between epochs (in onEpochEnd, or after a fit that finished its last epoch)');
    }
    return {
      options: this.options,
      completedEpochs: this.completedEpochs,
      history: [...this.records],
      best: this.best,
      weights: this.latestWeights ? copyWeights(Object.entries(this.latestWeights)) : copyWeights(this.model.namedVariables),
      optimizer: this.optimizer.state(),
      bestWeights: this.bestWeights && copyWeights(Object.entries(this.bestWeights)),
    };
  }

  /**
   * Continues from a snapshot of a trainer with the same options and a model
   * of the same architecture: loads its weights into this trainer's model
   * and its optimizer state. The snapshot's tensors stay the caller's.
   */
  restore(snapshot: TrainerSnapshot): void {
    for (const key of Object.keys(this.options) as Array<keyof ResolvedTrainerOptions>) {
      // A snapshot taken before an option existed ran without it: its default, null.
      const saved = snapshot.options[key] === undefined ? null : snapshot.options[key];
      if (saved !== this.options[key]) {
        throw new TrainerError(`resumed ${key}`, saved, `the same as this run's ${JSON.stringify(this.options[key])}`);
      }
    }
    for (const [name, value] of this.model.namedVariables) {
      const saved = snapshot.weights[name];
      if (saved === undefined || !util.arraysEqual(saved.shape, value.shape)) {
        throw new TrainerError(`resumed weight ${name}`, saved?.shape ?? null, `shape [${value.shape.join(', ')}], as in this run's model`);
      }
    }
    for (const [name, value] of this.model.namedVariables) value.assign(snapshot.weights[name]!);
    this.disposeLatestWeights();
    this.cutShort = false;
    this.records = [...snapshot.history];
    this.best = snapshot.best;
    this.disposeBestWeights();
    this.bestWeights = snapshot.bestWeights && copyWeights(Object.entries(snapshot.bestWeights), true);
    this.optimizer.restore(snapshot.optimizer);
  }

  /** Frees the optimizer's state and the kept best weights (the model is the caller's). */
  dispose(): void {
    this.optimizer.dispose();
    this.disposeBestWeights();
    this.disposeLatestWeights();
  }

  /** Trains one epoch and validates; `null` when a stop request or a divergence ended it first. */
  private async trainEpoch(epoch: number): Promise<EpochRecord | null> {
    const started = performance.now();
    const learningRate = learningRateAt(epoch, { base: this.options.learningRate, epochs: this.options.epochs, scheduler: this.options.scheduler });
    // Adam reads its rate at every step: the schedule sets it per epoch, the warm-up scales it per step.
    this.epochRate = learningRate;
    this.optimizerStep = this.optimizerStepsBefore(epoch);
    for (const callback of this.callbacks) await callback.onEpochStart?.(epoch + 1, this);

    const { batchSize, seed } = this.options;
    const numBatches = Math.ceil(this.partition.train.length / batchSize);
    const walkSteps = curriculumSteps(epoch, this.split.numTimesteps - 1, this.curriculum);
    const rng = createRng(deriveSeed(seed, 'epoch', epoch));
    let lossSum = 0;
    let correct = 0;
    let steps = 0;
    let gradNormSum = 0;
    let batch = 0;
    for (const { inputs, targets } of batches(this.split, { batchSize, rng, indices: this.partition.train })) {
      const info: BatchInfo = { epoch: epoch + 1, batch, numBatches };
      for (const callback of this.callbacks) await callback.onBatchStart?.(info, this);
      const state = this.model.initialState(inputs.shape[0], createRng(deriveSeed(seed, 'state', epoch, batch)));
      const [x, y] = firstSteps(inputs, targets, walkSteps);
      const result = this.trainBatch(x, y, state);
      dispose(x === inputs ? [inputs, targets] : [inputs, targets, x, y]);
      this.model.disposeState(state);
      if (!Number.isFinite(result.loss) || !Number.isFinite(result.gradNorm)) {
        const [quantity, value] = Number.isFinite(result.loss) ? (['gradient norm', result.gradNorm] as const) : (['training loss', result.loss] as const);
        return this.diverge({ epoch: epoch + 1, batch, quantity, value });
      }
      lossSum += result.loss * inputs.shape[0] * walkSteps;
      correct += result.correct;
      steps += inputs.shape[0] * walkSteps;
      gradNormSum += result.gradNorm;
      for (const callback of this.callbacks) await callback.onBatchEnd?.({ ...info, loss: result.loss }, this);
      batch += 1;
      // Lets signal handlers (Ctrl-C) and timers run between batches.
      await yieldToEventLoop();
      if (this.stopRequested && batch < numBatches) return null;
    }
    const nonFinite = firstNonFiniteWeight(this.model.namedVariables);
    if (nonFinite !== null) return this.diverge({ epoch: epoch + 1, batch: null, quantity: 'weights', value: nonFinite });
    const validation = this.partition.validation.length > 0 ? this.evaluate(this.partition.validation) : null;
    if (validation && !Number.isFinite(validation.loss)) return this.diverge({ epoch: epoch + 1, batch: null, quantity: 'validation loss', value: validation.loss });
    return {
      epoch: epoch + 1,
      trainLoss: lossSum / steps,
      trainAccuracy: correct / steps,
      valLoss: validation?.loss ?? null,
      valAccuracy: validation?.accuracy ?? null,
      learningRate,
      gradNorm: gradNormSum / Math.max(1, batch),
      seconds: (performance.now() - started) / 1000,
    };
  }

  /** Optimizer steps taken before a 0-based epoch. */
  private optimizerStepsBefore(epoch: number): number {
    return optimizerSteps(epoch, {
      batchesPerEpoch: Math.ceil(this.partition.train.length / this.options.batchSize),
      walkSteps: this.split.numTimesteps - 1,
      tbpttSteps: this.options.tbpttSteps,
      curriculum: this.curriculum,
    });
  }

  private diverge(divergence: Divergence): null {
    this.divergence = divergence;
    return null;
  }

  /**
   * One batch: its walks whole in one optimizer step, or, with `tbpttSteps`, in chunks of that many
   * steps, one optimizer step each, the state after a chunk starting the next (it carries no
   * gradient back). Stops at a chunk whose loss or gradient norm is not finite, and returns it.
   * The inputs are the caller's; so is `initial`.
   */
  private trainBatch(inputs: Tensor3D, targets: Tensor2D, initial: S): StepResult {
    const length = inputs.shape[1];
    const chunk = Math.min(this.options.tbpttSteps ?? length, length);
    if (chunk === length) return this.trainStep(inputs, targets, initial, false).result;
    let state = initial;
    let lossSum = 0;
    let correct = 0;
    let gradNormSum = 0;
    let chunks = 0;
    for (let start = 0; start < length; start += chunk) {
      const size = Math.min(chunk, length - start);
      const [x, y] = stepRange(inputs, targets, start, size);
      const { result, state: next } = this.trainStep(x, y, state, start + size < length);
      dispose([x, y]);
      if (state !== initial) this.model.disposeState(state);
      if (!Number.isFinite(result.loss) || !Number.isFinite(result.gradNorm)) {
        if (next) this.model.disposeState(next);
        return result;
      }
      lossSum += result.loss * size;
      correct += result.correct;
      gradNormSum += result.gradNorm;
      chunks += 1;
      state = next ?? initial;
    }
    return { loss: lossSum / length, correct, gradNorm: gradNormSum / chunks };
  }

  /**
   * One optimizer step on `inputs` from `state`, returning, with `withState`, the state after them
   * (kept, the caller's to free). A non-finite loss or gradient norm is returned without being
   * applied to the weights.
   */
  private trainStep(inputs: Tensor3D, targets: Tensor2D, state: S, withState: boolean): { result: StepResult; state: S | undefined } {
    let correct: Scalar | undefined;
    let next: S | undefined;
    const { value, grads } = variableGrads(() => {
      let logits: Tensor3D;
      if (withState) {
        const chunk = this.model.forwardWithState(inputs, state);
        next = keepAll(chunk.state);
        logits = chunk.logits;
      } else {
        logits = this.model.forward(inputs, state);
      }
      const score = nextNodeScore(logits, targets);
      correct = keep(score.correct);
      return score.loss;
    }, this.model.trainableVariables);
    const norm = tidy(() => sqrt(addN(Object.values(grads).map((grad) => sum(square(grad))))) as Scalar);
    const gradNorm = norm.dataSync()[0]!;
    const loss = value.dataSync()[0]!;
    const clip = this.options.gradClip;
    if (!Number.isFinite(loss) || !Number.isFinite(gradNorm)) {
      dispose([value, correct!, norm, ...Object.values(grads)]);
      return { result: { loss, correct: 0, gradNorm }, state: next };
    }
    if (clip !== null && gradNorm > clip) {
      const factor = scalar(clip / gradNorm);
      for (const name of Object.keys(grads)) {
        const clipped = mul(grads[name]!, factor);
        grads[name]!.dispose();
        grads[name] = clipped;
      }
      factor.dispose();
    }
    this.optimizer.learningRate = this.epochRate * warmupFactor(this.optimizerStep, this.options.warmupSteps);
    this.optimizer.step(this.model.namedVariables, grads);
    this.optimizerStep += 1;
    const result = { loss, correct: correct!.dataSync()[0]!, gradNorm };
    dispose([value, correct!, norm, ...Object.values(grads)]);
    return { result, state: next };
  }

  /** Mean loss and accuracy over some walks of the validation split, with no gradient. */
  private evaluate(indices: Int32Array): { loss: number; accuracy: number } {
    let lossSum = 0;
    let correct = 0;
    let steps = 0;
    let batch = 0;
    for (const { inputs, targets } of batches(this.validationSplit, { batchSize: this.options.batchSize, indices })) {
      const initial = this.model.initialState(inputs.shape[0], createRng(deriveSeed(this.options.seed, 'validation-state', batch)));
      // In the chunks training uses, the state carried over, so that long walks validate in bounded memory.
      const length = inputs.shape[1];
      const chunk = Math.min(this.options.tbpttSteps ?? length, length);
      let state = initial;
      for (let start = 0; start < length; start += chunk) {
        const size = Math.min(chunk, length - start);
        const [x, y] = chunk === length ? [inputs, targets] : stepRange(inputs, targets, start, size);
        const result = chunk === length ? { logits: this.model.forward(x, state), state: undefined } : this.model.forwardWithState(x, state);
        const score = nextNodeScore(result.logits, y);
        lossSum += score.loss.dataSync()[0]! * y.size;
        correct += score.correct.dataSync()[0]!;
        steps += y.size;
        dispose([result.logits, score.loss, score.correct, ...(chunk === length ? [] : [x, y])]);
        if (state !== initial) this.model.disposeState(state);
        state = result.state ?? initial;
      }
      if (state !== initial) this.model.disposeState(state);
      dispose([inputs, targets]);
      this.model.disposeState(initial);
      batch += 1;
    }
    return { loss: lossSum / steps, accuracy: correct / steps };
  }

  private keepBestWeights(): void {
    this.disposeBestWeights();
    this.bestWeights = copyWeights(this.model.namedVariables, true);
  }

  /** Puts the last epoch's weights back in the model, so that training continues from them rather than from the best. */
  private takeBackLatestWeights(): void {
    if (!this.latestWeights) return;
    for (const [name, value] of this.model.namedVariables) value.assign(this.latestWeights[name]!);
    this.disposeLatestWeights();
  }

  private disposeLatestWeights(): void {
    if (this.latestWeights) dispose(Object.values(this.latestWeights));
    this.latestWeights = null;
  }

  private restoreBestWeights(): void {
    if (!this.bestWeights) return;
    for (const [name, value] of this.model.namedVariables) value.assign(this.bestWeights[name]!);
  }

  private disposeBestWeights(): void {
    if (this.bestWeights) dispose(Object.values(this.bestWeights));
    this.bestWeights = null;
  }
}

/** Copies of weights by name; `kept` ones survive an enclosing tidy. */
function copyWeights(weights: Iterable<readonly [string, Tensor]>, kept = false): NamedTensorMap {
  return Object.fromEntries([...weights].map(([name, value]) => [name, kept ? keep(clone(value)) : clone(value)]));
}

/** Steps `start … start + size − 1` of every walk of a batch (new tensors, the caller's). */
function stepRange(inputs: Tensor3D, targets: Tensor2D, start: number, size: number): [Tensor3D, Tensor2D] {
  return [slice(inputs, [0, start, 0], [-1, size, -1]), slice(targets, [0, start], [-1, size])];
}

/** The first `steps` steps of every walk of a batch: views of the batch itself when that is all of them. */
function firstSteps(inputs: Tensor3D, targets: Tensor2D, steps: number): [Tensor3D, Tensor2D] {
  return steps >= inputs.shape[1] ? [inputs, targets] : stepRange(inputs, targets, 0, steps);
}

/** Keeps every tensor of a state past the `tidy` it was made in. */
function keepAll<T extends TensorContainer>(container: T): T {
  if (container instanceof Tensor) keep(container);
  else if (Array.isArray(container)) container.forEach((item) => keepAll(item));
  else if (container !== null && typeof container === 'object') Object.values(container).forEach((item) => keepAll(item as TensorContainer));
  return container;
}
