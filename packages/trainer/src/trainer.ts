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
  sqrt,
  square,
  sum,
  tidy,
  train,
  variableGrads,
  type AdamOptimizer,
  type NamedTensorMap,
  type Scalar,
  type Tensor,
} from '@tensorflow/tfjs-core';
import { TrainerError } from './errors.js';
import { learningRateAt } from './learning-rate.js';
import { nextNodeScore } from './next-node-loss.js';
import type { BatchInfo, EpochRecord, TrainerCallbacks } from './trainer-callbacks.js';
import { resolveTrainerOptions, type ResolvedTrainerOptions, type TrainerOptions } from './trainer-options.js';
import { splitWalks, type WalkPartition } from './validation-split.js';

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
}

/** Everything a trainer needs to continue where it stopped, apart from the model's weights. */
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
  /** Adam's state in order: the step count, then first and second moments per variable. */
  readonly optimizer: readonly Tensor[];
  /** The best weights so far, by variable name (absent without validation). */
  readonly bestWeights: NamedTensorMap | null;
}

/**
 * Trains a graph network on the walks of a split by next-node cross-entropy
 * (the seed project's Trainer): Adam, minibatches shuffled by seed, a
 * validation split of the walks, a cosine or constant learning rate, the
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
  /** Which walks of the split train and which validate. */
  readonly partition: WalkPartition;
  private readonly callbacks: ReadonlyArray<TrainerCallbacks<S>>;
  private readonly optimizer: AdamOptimizer;
  private history: EpochRecord[] = [];
  private best: { epoch: number; valLoss: number } | null = null;
  private bestWeights: NamedTensorMap | null = null;
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
    this.partition = splitWalks(split.numWalks, this.options.valSplit, this.options.seed);
    if (this.partition.train.length === 0) {
      throw new TrainerError('valSplit', this.options.valSplit, `a fraction that leaves training walks among ${split.numWalks}`);
    }
    this.callbacks = options.callbacks === undefined ? [] : Array.isArray(options.callbacks) ? options.callbacks : [options.callbacks as TrainerCallbacks<S>];
    // PyTorch's Adam defaults, as in the seed (tfjs's epsilon default is 1e-7).
    this.optimizer = train.adam(this.options.learningRate, 0.9, 0.999, 1e-8);
  }

  /** Epochs finished so far (after a resume, those of the earlier run too). */
  get completedEpochs(): number {
    return this.history.length;
  }

  /** Asks training to end after the current batch; the best weights are still restored. */
  stop(): void {
    this.stopRequested = true;
  }

  /** Trains the remaining epochs and restores the best weights. */
  async fit(): Promise<TrainingResult> {
    this.stopRequested = false;
    const { epochs } = this.options;
    for (let epoch = this.completedEpochs; epoch < epochs && !this.stopRequested; epoch++) {
      const record = await this.trainEpoch(epoch);
      if (this.stopRequested) break;
      this.history.push(record);
      if (record.valLoss !== null && (this.best === null || record.valLoss < this.best.valLoss)) {
        this.best = { epoch: record.epoch, valLoss: record.valLoss };
        this.keepBestWeights();
      }
      for (const callback of this.callbacks) await callback.onEpochEnd?.(record, this);
    }
    this.restoreBestWeights();
    return {
      history: [...this.history],
      bestEpoch: this.best?.epoch ?? this.completedEpochs,
      bestValLoss: this.best?.valLoss ?? null,
      stopped: this.stopRequested,
    };
  }

  /** The state to resume from later; the caller saves the model's weights beside it. Tensors are copies the caller owns. */
  async snapshot(): Promise<TrainerSnapshot> {
    const optimizer = (await this.optimizer.getWeights()).map(({ tensor }) => clone(tensor));
    const bestWeights = this.bestWeights && Object.fromEntries(Object.entries(this.bestWeights).map(([name, value]) => [name, clone(value)]));
    return { options: this.options, completedEpochs: this.completedEpochs, history: [...this.history], best: this.best, optimizer, bestWeights };
  }

  /**
   * Continues from a snapshot of a trainer with the same options, whose
   * model weights have been loaded into this trainer's model.
   */
  async restore(snapshot: TrainerSnapshot): Promise<void> {
    for (const key of Object.keys(this.options) as Array<keyof ResolvedTrainerOptions>) {
      if (snapshot.options[key] !== this.options[key]) {
        throw new TrainerError(`resumed ${key}`, snapshot.options[key], `the same as this run's ${JSON.stringify(this.options[key])}`);
      }
    }
    this.history = [...snapshot.history];
    this.best = snapshot.best;
    this.disposeBestWeights();
    this.bestWeights = snapshot.bestWeights && Object.fromEntries(Object.entries(snapshot.bestWeights).map(([name, value]) => [name, keep(clone(value))]));
    if (snapshot.optimizer.length > 0) {
      await this.optimizer.setWeights(snapshot.optimizer.map((tensor, i) => ({ name: `restored/${i}`, tensor: clone(tensor) })));
    }
  }

  /** Frees the optimizer's state and the kept best weights (the model is the caller's). */
  dispose(): void {
    this.optimizer.dispose();
    this.disposeBestWeights();
  }

  private async trainEpoch(epoch: number): Promise<EpochRecord> {
    const started = performance.now();
    const learningRate = learningRateAt(epoch, { base: this.options.learningRate, epochs: this.options.epochs, scheduler: this.options.scheduler });
    // Adam reads its rate at every step; the schedule changes it between epochs.
    (this.optimizer as unknown as { learningRate: number }).learningRate = learningRate;
    for (const callback of this.callbacks) await callback.onEpochStart?.(epoch + 1, this);

    const { batchSize, seed } = this.options;
    const numBatches = Math.ceil(this.partition.train.length / batchSize);
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
      const result = this.trainStep(inputs, targets, state);
      dispose([inputs, targets]);
      this.model.disposeState(state);
      lossSum += result.loss * targets.size;
      correct += result.correct;
      steps += targets.size;
      gradNormSum += result.gradNorm;
      for (const callback of this.callbacks) await callback.onBatchEnd?.({ ...info, loss: result.loss }, this);
      batch += 1;
      // Lets signal handlers (Ctrl-C) and timers run between batches.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.stopRequested) break;
    }
    const validation = this.partition.validation.length > 0 ? this.evaluate(this.partition.validation) : null;
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

  private trainStep(inputs: Parameters<GraphNetwork<S>['forward']>[0], targets: Parameters<typeof nextNodeScore>[1], state: S) {
    let correct: Scalar | undefined;
    const { value, grads } = variableGrads(() => {
      const score = nextNodeScore(this.model.forward(inputs, state), targets);
      correct = keep(score.correct);
      return score.loss;
    }, this.model.trainableVariables);
    const norm = tidy(() => sqrt(addN(Object.values(grads).map((grad) => sum(square(grad))))) as Scalar);
    const gradNorm = norm.dataSync()[0]!;
    const clip = this.options.gradClip;
    if (clip !== null && gradNorm > clip) {
      const factor = scalar(clip / gradNorm);
      for (const name of Object.keys(grads)) {
        const clipped = mul(grads[name]!, factor);
        grads[name]!.dispose();
        grads[name] = clipped;
      }
      factor.dispose();
    }
    this.optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
    const result = { loss: value.dataSync()[0]!, correct: correct!.dataSync()[0]!, gradNorm };
    dispose([value, correct!, norm, ...Object.values(grads)]);
    return result;
  }

  /** Mean loss and accuracy over some walks of the split, with no gradient. */
  private evaluate(indices: Int32Array): { loss: number; accuracy: number } {
    let lossSum = 0;
    let correct = 0;
    let steps = 0;
    let batch = 0;
    for (const { inputs, targets } of batches(this.split, { batchSize: this.options.batchSize, indices })) {
      const state = this.model.initialState(inputs.shape[0], createRng(deriveSeed(this.options.seed, 'validation-state', batch)));
      const score = tidy(() => nextNodeScore(this.model.forward(inputs, state), targets));
      lossSum += score.loss.dataSync()[0]! * targets.size;
      correct += score.correct.dataSync()[0]!;
      steps += targets.size;
      dispose([inputs, targets, score.loss, score.correct]);
      this.model.disposeState(state);
      batch += 1;
    }
    return { loss: lossSum / steps, accuracy: correct / steps };
  }

  private keepBestWeights(): void {
    this.disposeBestWeights();
    this.bestWeights = Object.fromEntries([...this.model.namedVariables].map(([name, value]) => [name, keep(clone(value))]));
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
